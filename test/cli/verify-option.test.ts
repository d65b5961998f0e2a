import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";

// `mamori scan --verify` against simulated providers: the GitHub token is live, the Slack token
// revoked; the values go only to their own hosts and never appear in any output.
const dir = mkdtempSync(join(tmpdir(), "mamori-verify-"));
const github = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
const slack = expandTemplate("xoxb-{{digits:12}}-{{digits:13}}-{{base62:24}}");
writeFileSync(join(dir, "settings.env"), `GITHUB_TOKEN=${github}\nSLACK_BOT_TOKEN=${slack}\n`);

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  let stdout = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: () => {}, stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "test" });
  return { code, stdout };
}

function simulateProviders() {
  const gh = nock("https://api.github.com", { reqheaders: { authorization: `Bearer ${github}` } }).get("/user").reply(200, { login: "someone" });
  const sl = nock("https://slack.com", { reqheaders: { authorization: `Bearer ${slack}` } }).post("/api/auth.test").reply(200, { ok: false, error: "token_revoked" });
  return [gh, sl];
}

describe("mamori scan --verify", () => {
  it("marks a live key critical and a revoked one revoked in JSON", { timeout: 60_000 }, async () => {
    const scopes = simulateProviders();
    const { code, stdout } = await run(["scan", dir, "--format", "json", "--verify", "-j", "1"]);
    expect(code).toBe(1);
    const byRule = Object.fromEntries(JSON.parse(stdout).findings.map((f: { ruleId: string }) => [f.ruleId, f]));
    expect(byRule["github-pat"]).toMatchObject({ verified: "live", severity: "critical" });
    expect(byRule["slack-bot-token"]).toMatchObject({ verified: "revoked" });
    for (const s of scopes) expect(s.isDone()).toBe(true);
    expect(stdout).not.toContain(github);
    expect(stdout).not.toContain(slack);
  });

  it("shows the outcome in text and SARIF", { timeout: 60_000 }, async () => {
    simulateProviders();
    const text = await run(["scan", dir, "--format", "text", "--verify", "--no-color", "-j", "1"]);
    expect(text.stdout).toMatch(/github-pat.*LIVE/);
    expect(text.stdout).toMatch(/slack-bot-token.*revoked/);
    simulateProviders();
    const sarif = JSON.parse((await run(["scan", dir, "--format", "sarif", "--verify", "-j", "1"])).stdout);
    const verified = sarif.runs[0].results.map((r: { ruleId: string; properties: { verified?: string } }) => [r.ruleId, r.properties.verified]);
    expect(verified).toContainEqual(["github-pat", "live"]);
    expect(verified).toContainEqual(["slack-bot-token", "revoked"]);
  });

  it("sends nothing without --verify", { timeout: 60_000 }, async () => {
    const [gh] = simulateProviders();
    const { stdout } = await run(["scan", dir, "--format", "json", "-j", "1"]);
    expect(gh.isDone()).toBe(false);
    expect(stdout).not.toContain('"verified"');
    nock.cleanAll();
  });
});
