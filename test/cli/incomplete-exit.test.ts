import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { customerCsv } from "../app/helpers/samples.js";

// Issue 11, item 7: a scan that could not read a file must not exit 0 as if clean.
const work = mkdtempSync(join(tmpdir(), "mamori-incomplete-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(work, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "0.0.0-test" });
  return { code, stdout, stderr };
}

/** A zip local-file header followed by garbage: a corrupt archive. */
const corruptZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 60 }, (_, i) => (i * 37) & 0xff)]);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 500 }, (_, i) => (i * 131 + 7) & 0xff)]);

describe("mamori scan: incomplete scans", () => {
  it("exits 3 and says stats.incomplete when a file could not be read", async () => {
    const dir = folder("corrupt", { "src/a.ts": "export const a = 1;\n", "backup.zip": corruptZip });
    const { code, stdout, stderr } = await cli(["scan", dir, "--format", "json"]);
    expect(code).toBe(3);
    const report = JSON.parse(stdout);
    expect(report.stats.incomplete).toBe(true);
    expect(report.stats.skipped).toEqual([{ path: "backup.zip", reason: expect.stringMatching(/^corrupt archive/) }]);
    expect(stderr).toMatch(/incomplete scan: 1 file could not be read/);
  });

  it("exits 0 when the configuration accepts incomplete scans (scan.incomplete: pass)", async () => {
    const dir = folder("accepted", { "backup.zip": corruptZip, ".github/mamori.yml": "scan:\n  incomplete: pass\n" });
    const { code, stdout } = await cli(["scan", dir, "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).stats.incomplete).toBe(true);
  });

  it("exits 0 when only media files are skipped", async () => {
    const dir = folder("media", { "docs/logo.png": png, "src/a.ts": "export const a = 1;\n" });
    const { code, stdout } = await cli(["scan", dir, "--format", "json"]);
    expect(JSON.parse(stdout).stats).toMatchObject({ skipped: [{ path: "docs/logo.png", reason: "binary" }], incomplete: false });
    expect(code).toBe(0);
  });

  it("findings still exit 1 when the scan is also incomplete", async () => {
    const dir = folder("both", { "backup.zip": corruptZip, "db.csv": customerCsv(5) });
    const { code } = await cli(["scan", dir, "--format", "json"]);
    expect(code).toBe(1);
  });
});
