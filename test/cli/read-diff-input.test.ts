import { afterAll, describe, expect, it } from "vitest";
import { looksLikeDiff, readDiffInput } from "../../src/cli/read-diff-input.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { createTestRepo } from "../helpers/git-repo.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("a diff on standard input (git diff | mamori scan -)", () => {
  const repo = createTestRepo();
  afterAll(() => repo.remove());
  const kept = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
  const removed = expandTemplate("ghp_{{base62:30}}{{crc32-github}} removed").split(" ")[0];
  const added = expandTemplate("ghp_{{base62:30}}{{crc32-github}} added").split(" ")[0];
  const ignoredToken = expandTemplate("ghp_{{base62:30}}{{crc32-github}} ignored").split(" ")[0];

  repo.write("src/app.env", `A=1\nB=2\nOLD=${removed}\nKEEP=${kept}\nC=3\n`);
  repo.write("fixtures/sample.env", "Z=1\n");
  repo.write(".github/mamori.yml", "paths:\n  ignore: ['fixtures/**']\n");
  repo.git("add", ".");
  repo.git("commit", "-qm", "base");
  repo.write("src/app.env", `A=1\nB=2\nKEEP=${kept}\nC=3\nNEW=${added}\n`);
  repo.write("fixtures/sample.env", `Z=1\nT=${ignoredToken}\n`);
  const diff = repo.git("diff");

  it("reports added lines only, at their real paths and line numbers, and honours the configuration", async () => {
    const cwd = process.cwd();
    process.chdir(repo.dir);
    try {
      const { code, stdout, stderr } = await runCliCapture(["scan", "-", "--format", "json"], { stdin: diff });
      expect(stderr).toBe("");
      const report = JSON.parse(stdout) as { findings: { path: string; line: number; redacted: string }[] };
      // Not the removed token (a "-" line), not the unchanged one (context), not fixtures/ (paths.ignore).
      expect(report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(["src/app.env:5"]);
      expect(code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
  });

  it("recognises diffs and not other text", () => {
    expect(looksLikeDiff(Buffer.from(diff))).toBe(true);
    expect(looksLikeDiff(Buffer.from("--- a list\n+++ of things\nnot a hunk\n"))).toBe(false);
  });

  it("lists a binary file of the diff as skipped (its content is not in a patch)", () => {
    const skipped: { path: string; reason: string }[] = [];
    const inputs = readDiffInput(Buffer.from('diff --git "a/\\351\\241\\247\\345\\256\\242.zip" "b/\\351\\241\\247\\345\\256\\242.zip"\nnew file mode 100644\nindex 0000000..e69de29\nBinary files /dev/null and "b/\\351\\241\\247\\345\\256\\242.zip" differ\n'), skipped);
    expect(inputs).toEqual([]);
    expect(skipped.map((s) => s.path)).toEqual(["顧客.zip"]);
  });
});
