import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import type { Finding } from "../../src/engine/types.js";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { formatCheckRun, formatCheckRunFailure } from "../../src/report/check-run.js";
import { escapeControl } from "../../src/report/escape-control.js";
import { expandTemplate } from "../helpers/expand-template.js";

/** Any control character other than the line feeds between lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const work = mkdtempSync(join(tmpdir(), "mamori-ctl-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("escapeControl", () => {
  it.each([
    ["plain/path.ts", "plain/path.ts"],
    ["a\u001b[2Jb", "a\\x1b[2Jb"],
    ["bell\u0007", "bell\\x07"],
    ["cr\rlf\n", "cr\\rlf\\n"],
    ["tab\tdel\u007f", "tab\\tdel\\x7f"],
    ["c1\u009b31m", "c1\\x9b31m"],
    ["rtl\u202eevil", "rtl\\u202eevil"],
    ["日本語.csv", "日本語.csv"],
  ])("%j -> %j", (raw, want) => {
    expect(escapeControl(raw)).toBe(want);
  });
  it("keeps line feeds when asked", () => {
    expect(escapeControl("one\ntwo\u001b", { keepNewlines: true })).toBe("one\ntwo\\x1b");
  });
});

// File names that would clear the screen, ring the bell, return the cursor or forge a line.
const hostileNames = ["clear\u001b[2J\u001b[H.env", "bell\u0007\u0007.env", "over\rOK no findings.env", "two\nlines.env", "rtl\u202evne.txt"];

describe("hostile file names in human-readable output", () => {
  it("the CLI's text report prints no raw control character (findings and skipped files)", async () => {
    const dir = join(work, "tree");
    mkdirSync(dir);
    for (const name of hostileNames) writeFileSync(join(dir, name), `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
    writeFileSync(join(dir, "bin\u001b]0;title\u0007.dat"), Buffer.from([0, 1, 2, 3, 0, 0, 0, 0, 255, 254, 0, 0]));
    let stdout = "";
    let stderr = "";
    const code = await runCli(["scan", dir, "--no-color", "--threads", "1"], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      stdin: () => Buffer.alloc(0),
      isTty: false,
      stdoutTty: false,
      version: "0.0.0-test",
    });
    expect(stderr).toBe("");
    expect(code).toBe(1);
    expect(stdout).toContain("clear\\x1b[2J\\x1b[H.env");
    expect(stdout).toContain("two\\nlines.env");
    expect(stdout).toContain("rtl\\u202evne.txt");
    expect(stdout).not.toMatch(RAW_CONTROL);
  });

  it("an error message naming a hostile path is escaped on standard error", async () => {
    let stderr = "";
    await runCli(["scan", join(work, "missing\u001b[31m\u0007")], {
      stdout: () => {},
      stderr: (s) => (stderr += s),
      stdin: () => Buffer.alloc(0),
      isTty: false,
      stdoutTty: false,
      version: "0.0.0-test",
    });
    expect(stderr).toContain("\\x1b[31m\\x07");
    expect(stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f]/);
  });

  it("the check run's summary, annotation titles and messages carry no raw control character", () => {
    const findings: Finding[] = hostileNames.map((path, i) => ({
      ruleId: "github-pat",
      category: "secret",
      kind: "github-token",
      severity: "critical",
      confidence: "high",
      path,
      line: i + 1,
      column: 1,
      endLine: i + 1,
      endColumn: 20,
      redacted: "ghp_****…a\u001bZ",
      fingerprint: `github-pat:${path}:abc`,
      valueHash: `h${i}`,
      tags: [],
    }));
    const r = formatCheckRun({
      findings,
      impact: assessImpact(findings),
      stats: { files: 5, bytes: 100, skipped: [{ path: "x\u001b[2K.bin", reason: "binary\u0007" }], durationMs: 1 },
      config: { language: "en", failOn: "high", pii: { failOnPersons: 3 } },
      scope: { kind: "pull_request", commits: 1, defaultBranch: false },
    });
    expect(r.summary).not.toMatch(RAW_CONTROL);
    expect(r.summary).toContain("clear\\x1b[2J\\x1b[H.env");
    expect(r.title).not.toMatch(RAW_CONTROL);
    for (const a of r.annotations) {
      expect(a.title).not.toMatch(/[\u0000-\u001f]/);
      expect(a.message).not.toMatch(RAW_CONTROL);
      expect(a.raw_details ?? "").not.toMatch(RAW_CONTROL);
    }
    const failed = formatCheckRunFailure("error", "could not read lib/\u001b[2Jx.env\u0007", "en");
    expect(failed.summary).not.toMatch(RAW_CONTROL);
    expect(failed.summary).toContain("lib/\\x1b[2Jx.env\\x07");
  });
});
