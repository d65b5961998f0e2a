import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";

// `mamori scan .` on this repository must be clean: test secrets are generated at test time.
describe("mamori scan . (this repository)", () => {
  it("finds nothing", async () => {
    let stdout = "";
    const code = await runCli(["scan", ".", "--format", "json", "--fail-on", "low"], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      stdin: () => Buffer.alloc(0),
      isTty: false,
      stdoutTty: false,
      version: "test",
    });
    const report = JSON.parse(stdout) as { findings: { ruleId: string; path: string; line: number }[] };
    expect(report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(code).toBe(0);
  });
});
