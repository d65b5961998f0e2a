import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { formatCheckRun } from "../../src/report/check-run.js";

// Values are built at test time: a weak typed password (a short word with a digit), a
// random-looking one, and placeholders that must stay silent.
const pick = (s: string) => s[Math.floor(Math.random() * s.length)];
const word = (n: number) => Array.from({ length: n }, () => pick("bcdfghjkmnpqrstvwz")).join("");
const random = (n: number) => Array.from({ length: n }, () => pick("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")).join("") + "7Qz";
const weak = () => word(5) + String(Math.floor(Math.random() * 9) + 1);

const compiled = compileRules(loadRules().filter((r) => r.category === "secret"));
const scan = (path: string, text: string) => scanUnit(compiled, { path, text }, { salt: "t" });

describe("confidence grading (find, then grade)", () => {
  it("finds a weak password under a password key with low confidence and the weak-value tag", () => {
    const [f] = scan("src/db.py", `connect(host="db1", password="${weak()}")\n`);
    expect(f).toMatchObject({ ruleId: "generic-password", confidence: "low" });
    expect(f.tags).toContain("weak-value");
  });

  it("keeps a random-looking password at medium, without weak-value", () => {
    const [f] = scan("src/db.py", `connect(host="db1", password="${random(16)}")\n`);
    expect(f.confidence).toBe("medium");
    expect(f.tags).not.toContain("weak-value");
  });

  it("tags a credential in test or example code instead of dropping it", () => {
    const [t] = scan("spec/models/user_spec.rb", `user = User.create!(password: "${random(16)}")\n`);
    expect(t.tags).toContain("test");
    const [e] = scan("examples/connect.go", `cfg := Config{Password: "${random(16)}"}\n`);
    expect(e.tags).toContain("example");
  });

  it.each([
    ["<password>"],
    ["${DB_PASS}"],
    ["changeme"],
    ["xxxxxxxx"],
    ["your-api-key"],
    ["********"],
    ["%s"],
    ["{" + word(6) + "}"],
    ["ENC(" + random(20) + ")"],
    ["$ANSIBLE_VAULT;1.1;AES256"],
    ["{AQAAABAAAAAQ" + random(40) + "=}"],
  ])("keeps the placeholder or ciphertext %s silent", (value) => {
    expect(scan("config/app.py", `password = "${value}"\n`)).toEqual([]);
  });
});

describe("low confidence does not fail by default", () => {
  const dir = mkdtempSync(join(tmpdir(), "mamori-grade-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "db.py"), `connect(host="db1", password="${weak()}")\n`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...args: string[]) => {
    let stdout = "";
    const code = await runCli(["scan", dir, "--format", "json", ...args], {
      stdout: (s) => (stdout += s),
      stderr: () => {},
      stdin: () => Buffer.alloc(0),
      isTty: false,
      stdoutTty: false,
      version: "test",
    });
    return { code, findings: (JSON.parse(stdout) as { findings: { confidence: string; tags: string[] }[] }).findings };
  };

  it("CLI: the low finding is shown and the exit code is 0", async () => {
    const { code, findings } = await run();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ confidence: "low" });
    expect(findings[0].tags).toContain("weak-value");
    expect(code).toBe(0);
  });

  it("CLI: --fail-on-confidence low makes it fail; --min-confidence medium hides it", async () => {
    expect((await run("--fail-on-confidence", "low")).code).toBe(1);
    const hidden = await run("--min-confidence", "medium");
    expect(hidden.findings).toEqual([]);
    expect(hidden.code).toBe(0);
  });

  it("check run: a low-confidence credential is a notice, counted apart, and the conclusion is not failure", async () => {
    const { findings } = await run();
    const f = findings[0] as never as Parameters<typeof formatCheckRun>[0]["findings"][number];
    const input = {
      findings: [f],
      impact: assessImpact([f]),
      stats: { files: 1, bytes: 10, skipped: [], durationMs: 1 },
      scope: { kind: "pull_request" as const, commits: 1, defaultBranch: false },
    };
    const r = formatCheckRun({ ...input, config: { language: "en", failOn: "high", failOnConfidence: "medium" } });
    expect(r.conclusion).toBe("neutral");
    expect(r.annotations[0].annotation_level).toBe("notice");
    expect(r.summary).toContain("1 low-confidence finding");
    expect(formatCheckRun({ ...input, config: { language: "en", failOn: "high", failOnConfidence: "low" } }).conclusion).toBe("failure");
  });
});
