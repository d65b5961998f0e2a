import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "./helpers/fake-github.js";
import { makeProbot } from "./helpers/make-probot.js";
import { scenarios } from "./helpers/scenarios.js";

let gh: FakeGitHub;
beforeEach(() => {
  nock.disableNetConnect();
  gh = new FakeGitHub();
  gh.install();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("the app against a simulated GitHub", () => {
  it.each(Object.keys(scenarios))("%s", { timeout: 60_000 }, async (name) => {
    const { probot } = await makeProbot();
    await scenarios[name](gh, probot);
    expect(gh.invalid).toEqual([]); // every request body matches GitHub's OpenAPI operation
  });
});
