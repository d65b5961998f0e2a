import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandTemplate } from "../helpers/expand-template.js";
import { fakePersons } from "../helpers/fake-person.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// Issue 11: the per-file time budget did not cover a history (--since) or the staged files, so a
// file that does not finish hung the scan. A budget far below what a 6 MB file needs makes the
// file time out (the outcome is asserted, not a duration). And on a thread, a history must give
// exactly what it gives without one: findings are compared with earlier commits file by file
// (a table's cells, then its columns rebuilt), so a batch of files must not be regrouped at once.
let cli: string;
const root = mkdtempSync(join(tmpdir(), "mamori-timeout-history-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const big = "id,note\n" + "1,値 value text here\n".repeat(300_000);

function repo(name: string): { dir: string; git: (...args: string[]) => string; commit: (files: Record<string, string>) => void } {
  const dir = join(root, name);
  execFileSync("git", ["init", "-q", dir]);
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
  git("commit", "-q", "--allow-empty", "-m", "root");
  const commit = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    git("add", "-A");
    git("commit", "-q", "-m", "change");
  };
  return { dir, git, commit };
}

function run(cwd: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, MAMORI_FINGERPRINT_KEY: "1".repeat(64) }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  cli = `${await bundleEntries("cli-timeout-history", { main: "src/cli/main.ts", "cli-scan-thread": "src/cli/cli-scan-thread.ts" })}/main.js`;
}, 120_000);

describe("--file-timeout in a history and on the staged files", () => {
  it("--since: a commit's file past its budget is listed as skipped (timeout), exit 3, not hung on", { timeout: 120_000 }, async () => {
    const r = repo("since");
    r.commit({ "big.csv": big });
    const report = await run(r.dir, ["scan", ".", "--since", "HEAD~1", "--file-timeout", "0.001", "--format", "json"]);
    expect(report.code, report.stderr).toBe(3);
    expect(JSON.parse(report.stdout).stats.skipped).toEqual([{ path: "big.csv", reason: "timeout: not scanned within 0.001 s (--file-timeout)" }]);
  });

  it("--staged: a staged file past its budget is listed as skipped (timeout), exit 3, not hung on", { timeout: 120_000 }, async () => {
    const r = repo("staged");
    writeFileSync(join(r.dir, "big.csv"), big);
    r.git("add", "big.csv");
    const report = await run(r.dir, ["scan", ".", "--staged", "--file-timeout", "0.001", "--format", "json"]);
    expect(report.code, report.stderr).toBe(3);
    expect(JSON.parse(report.stdout).stats.skipped).toEqual([{ path: "big.csv", reason: "timeout: not scanned within 0.001 s (--file-timeout)" }]);
  });

  it("--since on a thread (with a budget) reports exactly what it reports without one", { timeout: 180_000 }, async () => {
    // A customer table grown over several commits (each commit's whole file is scanned; the rows
    // of earlier commits must not be reported again), beside a secret that comes and goes.
    const r = repo("same");
    const people = fakePersons(12, 11);
    const csv = (n: number) => "氏名,電話番号,メールアドレス\n" + people.slice(0, n).map((p) => `${p.sei} ${p.mei},${p.mobile},${p.email}\n`).join("");
    const token = () => `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`;
    r.commit({ "customers.csv": csv(3), "a.env": token() });
    r.commit({ "customers.csv": csv(6) });
    r.commit({ "customers.csv": csv(9), "a.env": token() });
    r.commit({ "customers.csv": csv(12), "notes.md": `連絡先 ${people[0]!.mobile}\n` });
    for (const detail of ["auto", "cells"]) {
      const args = ["scan", ".", "--since", "HEAD~4", "--format", "json", "--detail", detail];
      const plain = await run(r.dir, [...args, "--file-timeout", "0"]);
      const threaded = await run(r.dir, args);
      expect(plain.code, plain.stderr).toBe(1);
      expect(threaded.code, threaded.stderr).toBe(1);
      const findings = (out: string) => (JSON.parse(out) as { findings: unknown[] }).findings;
      // The table's column findings are there (rows of later commits, not again the earlier ones).
      expect(JSON.stringify(findings(plain.stdout))).toContain('"unit":"column"');
      expect(findings(threaded.stdout)).toEqual(findings(plain.stdout));
    }
  });
});
