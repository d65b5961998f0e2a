import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "./helpers/fake-github.js";
import { makeProbot } from "./helpers/make-probot.js";
import { scenarios } from "./helpers/scenarios.js";

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Pieces of a value long enough to identify it (a redacted preview keeps at most 4 characters at each end). */
function pieces(value: string): string[] {
  const n = value.length >= 20 ? 10 : value.length;
  const out: string[] = [];
  for (let i = 0; i + n <= value.length; i++) out.push(value.slice(i, i + n));
  return out;
}

describe("privacy", () => {
  it("no planted secret or personal value appears in any request body, query or log line, in any scenario", { timeout: 180_000 }, async () => {
    let checked = 0;
    for (const [name, scenario] of Object.entries(scenarios)) {
      nock.disableNetConnect();
      const gh = new FakeGitHub();
      gh.install();
      const { probot, logs } = await makeProbot(); // logs at trace level: everything the app and Probot log
      const planted = await scenario(gh, probot);
      const haystack = gh.allSent() + "\n" + logs.join("");
      for (const value of planted) {
        for (const piece of pieces(value)) {
          if (haystack.includes(piece)) throw new Error(`scenario "${name}" leaked a piece of a planted value (${value.length} chars) somewhere`);
        }
        checked++;
      }
      nock.cleanAll();
    }
    expect(checked).toBeGreaterThan(100);
  });
});
