import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/cli/list-files.js";
import { readFiles } from "../../src/cli/read-files.js";
import { runCli } from "../../src/cli/run-cli.js";
import type { Skipped } from "../../src/scan/scan-files.js";
import { expandTemplate } from "../helpers/expand-template.js";

// Attack (issue 11, item 8): a hostile repository holds links to files outside the tree
// (a runner secret, /etc/passwd) or to /dev/zero. They must never be read: listed as skipped.
const work = mkdtempSync(join(tmpdir(), "mamori-links-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function hostileTree(name: string): { root: string; outside: string } {
  const root = join(work, name);
  const outside = join(work, `${name}-outside`);
  mkdirSync(join(root, "sub"), { recursive: true });
  mkdirSync(outside, { recursive: true });
  // A secret outside the scanned tree that the links point at.
  writeFileSync(join(outside, "runner.env"), expandTemplate("GITHUB_TOKEN=ghp_{{base62:30}}{{crc32-github}}\n"));
  writeFileSync(join(root, "ok.txt"), "hello\n");
  symlinkSync(join(outside, "runner.env"), join(root, "leak.env"));
  symlinkSync(outside, join(root, "linked-dir"));
  symlinkSync("/dev/zero", join(root, "zero.bin"));
  return { root, outside };
}

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "0.0.0-test" });
  return { code, stdout, stderr };
}

describe("readFiles never follows symbolic links", () => {
  it("lists a link to a file, a link to a folder and a link to a device as skipped, reads the rest", () => {
    const { root } = hostileTree("plain");
    const skipped: Skipped[] = [];
    const read = [...readFiles(root, ["ok.txt", "leak.env", "linked-dir/runner.env", "zero.bin"], skipped)];
    expect(read.map((r) => r.path)).toEqual(["ok.txt"]);
    expect(skipped).toEqual([
      { path: "leak.env", reason: "symlink" },
      { path: "linked-dir/runner.env", reason: "symlink" },
      { path: "zero.bin", reason: "symlink" },
    ]);
  });

  it("lists links found by the folder walk (outside git)", () => {
    const { root } = hostileTree("walk");
    expect(listFiles(root)).toEqual(["leak.env", "linked-dir", "ok.txt", "zero.bin"]);
  });

  it("mamori scan of a git work tree with links reports no outside secret and lists the links", async () => {
    const { root } = hostileTree("git");
    const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { stdio: "ignore" });
    git("init", "-q");
    git("add", "-A");
    const { code, stdout } = await cli(["scan", root, "--format", "json"]);
    const report = JSON.parse(stdout);
    expect(report.findings).toEqual([]);
    const links = report.stats.skipped.filter((s: Skipped) => s.reason === "symlink").map((s: Skipped) => s.path).sort();
    expect(links).toEqual(["leak.env", "linked-dir", "zero.bin"]);
    expect([0, 3]).toContain(code);
  });
});
