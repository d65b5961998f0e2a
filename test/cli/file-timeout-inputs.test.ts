import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// Issue 11: the per-file time budget covered folder scans only; one file, standard input and a
// git range (--since) could still hang. Here a budget far below what a 6 MB file needs makes the
// file time out (the outcome is asserted, not a duration): it is listed as skipped and the scan
// exits 3 (incomplete) instead of hanging.
let cli: string;
const dir = mkdtempSync(join(tmpdir(), "mamori-timeout-inputs-"));
const big = "id,note\n" + "1,値 value text here\n".repeat(300_000);
beforeAll(async () => {
  cli = `${await bundleEntries("cli-timeout-inputs", { main: "src/cli/main.ts", "cli-scan-thread": "src/cli/cli-scan-thread.ts" })}/main.js`;
  writeFileSync(join(dir, "big.csv"), big);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "root");
  git("add", "big.csv");
  git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-q", "-m", "add");
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, MAMORI_FINGERPRINT_KEY: "0".repeat(64) }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

describe("--file-timeout outside folder scans", () => {
  it.each([
    ["one file", ["scan", "big.csv"], undefined, "big.csv"],
    ["standard input", ["scan", "-", "--stdin-path", "big.csv"], big, "big.csv"],
  ])("%s: a file past its budget is listed as skipped (timeout), exit 3", { timeout: 120_000 }, async (_name, args, stdin, path) => {
    const r = await run([...(args as string[]), "--file-timeout", "0.001", "--format", "json"], stdin as string | undefined);
    expect(r.code, r.stderr).toBe(3);
    const report = JSON.parse(r.stdout) as { stats: { skipped: { path: string; reason: string }[] } };
    expect(report.stats.skipped).toEqual([{ path, reason: "timeout: not scanned within 0.001 s (--file-timeout)" }]);
  });
});
