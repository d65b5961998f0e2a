import { afterAll, describe, expect, it } from "vitest";
import { expandTemplate } from "../helpers/expand-template.js";
import { createTestRepo } from "../helpers/git-repo.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("mamori scan --staged", () => {
  const repo = createTestRepo();
  afterAll(() => repo.remove());
  const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");

  it("scans what the next commit adds: staged content, real paths and lines, not the work tree", async () => {
    const oldToken = expandTemplate("ghp_{{base62:30}}{{crc32-github}} old");
    repo.write("app/settings.env", `A=1\nOLD=${oldToken.split(" ")[0]}\n`);
    repo.git("add", ".");
    repo.git("commit", "-qm", "base");
    // Staged: a new line 3 with a token in a file under a non-ASCII name, and a change to settings.
    repo.write("app/設定.env", `X=1\nY=2\nGITHUB_TOKEN=${token}\n`);
    repo.write("app/settings.env", `A=2\nOLD=${oldToken.split(" ")[0]}\n`);
    repo.git("add", ".");
    // Not staged: a later edit in the work tree is not what the commit records.
    repo.write("app/設定.env", "X=1\n");
    const { code, stdout, stderr } = await runCliCapture(["scan", repo.dir, "--staged", "--format", "json"]);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout) as { findings: { path: string; line: number; ruleId: string }[] };
    // The old token is in the base commit, not added by this one.
    expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(["app/設定.env:3"]);
    expect(code).toBe(1);
  });

  it("passes when nothing staged adds a finding", async () => {
    repo.git("reset", "-q");
    repo.write("README.md", "hello\n");
    repo.git("add", "README.md");
    const { code } = await runCliCapture(["scan", repo.dir, "--staged"]);
    expect(code).toBe(0);
  });

  it("needs a git repository", async () => {
    const { code, stderr } = await runCliCapture(["scan", "/", "--staged"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--staged needs a git repository/);
  });
});
