import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "./helpers/fake-github.js";
import { makeProbot } from "./helpers/make-probot.js";
import { pullRequestPayload } from "./helpers/payloads.js";
import { envFile, makeSecrets } from "./helpers/samples.js";

let gh: FakeGitHub;
beforeEach(() => {
  nock.disableNetConnect();
  gh = new FakeGitHub();
  gh.install();
});
afterEach(() => {
  expect(gh.invalid).toEqual([]);
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("pull request", () => {
  it("fails a PR adding .env with an AWS key and a GitHub token, annotating the lines", async () => {
    const s = makeSecrets();
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { ".env": envFile(s) });
    const { probot, logs } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head }));

    const run = gh.checkRun();
    expect(run).toMatchObject({ name: "Mamori", head_sha: head, status: "completed", conclusion: "failure" });
    const lines = run.annotations.map((a) => `${a.path}:${a.start_line}:${a.annotation_level}`);
    expect(lines).toEqual(expect.arrayContaining([".env:2:failure", ".env:4:failure"]));
    expect(run.output.title).toMatch(/finding/);
    expect(run.output.summary).toContain(".env");
    const everything = gh.allSent() + logs.join("\n");
    for (const value of Object.values(s)) expect(everything).not.toContain(value);
    // First request on the check run: in progress with "Scanning N files".
    const create = gh.requests.find((r) => r.method === "POST" && r.path.endsWith("/check-runs"))!;
    expect(JSON.parse(create.body)).toMatchObject({ status: "in_progress", output: { title: "Scanning 1 file" } });
  });
});
