import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";

const work = mkdtempSync(join(tmpdir(), "mamori-rekey-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "0.0.0-test" });
  return { code, stdout, stderr };
}
const fingerprints = (json: string) => (JSON.parse(json) as { findings: { fingerprint: string; path: string }[] }).findings;

describe("mamori rekey", () => {
  it("re-keys .mamoriignore and allow: entries by rescanning the tree with both keys", async () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, ".github"), { recursive: true });
    writeFileSync(join(repo, "a.env"), `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
    writeFileSync(join(repo, "b.env"), `GITLAB_TOKEN=${expandTemplate("glpat-{{base62:20}}")}\n`);
    const oldKey = join(work, "old.key");
    const newKey = join(work, "new.key");
    writeFileSync(oldKey, randomBytes(32).toString("hex"));
    writeFileSync(newKey, randomBytes(32).toString("hex"));
    const before = await cli(["scan", repo, "--format", "json", "--threads", "1", "--fingerprint-key-file", oldKey]);
    expect(before.code).toBe(1);
    const [a, b] = fingerprints(before.stdout).sort((x, y) => (x.path < y.path ? -1 : 1));
    expect(a.path).toBe("a.env");
    const gone = "github-pat:removed.env:0123456789abcdef0123";
    writeFileSync(join(repo, ".mamoriignore"), `# accepted\n${a.fingerprint}  # rotated fixture token\n${gone} # value no longer here\n`);
    writeFileSync(join(repo, ".github", "mamori.yml"), `allow:\n  - fingerprint: ${b.fingerprint}\n    reason: revoked\n`);
    // With the new key the old fingerprints no longer match: both findings are back.
    expect((await cli(["scan", repo, "--format", "json", "--threads", "1", "--fingerprint-key-file", newKey])).code).toBe(1);

    const dry = await cli(["rekey", repo, "--old-key-file", oldKey, "--new-key-file", newKey, "--dry-run"]);
    expect(dry.stdout).toMatch(/would re-key 1 fingerprint in .*\.mamoriignore/);
    expect(readFileSync(join(repo, ".mamoriignore"), "utf8")).toContain(a.fingerprint);
    const run = await cli(["rekey", repo, "--old-key-file", oldKey, "--new-key-file", newKey]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/re-keyed 1 fingerprint in .*\.mamoriignore/);
    expect(run.stdout).toMatch(/re-keyed 1 fingerprint in .*mamori\.yml/);
    expect(run.stdout).toContain(gone);
    const ignore = readFileSync(join(repo, ".mamoriignore"), "utf8");
    expect(ignore).not.toContain(a.fingerprint);
    expect(ignore).toContain("# rotated fixture token");
    expect(ignore).toContain(gone);
    const after = await cli(["scan", repo, "--format", "json", "--threads", "1", "--fingerprint-key-file", newKey]);
    expect(fingerprints(after.stdout)).toEqual([]);
    expect(after.code).toBe(0);
  });

  it("--from-unkeyed migrates fingerprints made before keys existed; refuses without an old key", async () => {
    const repo = join(work, "legacy");
    mkdirSync(repo, { recursive: true });
    const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
    writeFileSync(join(repo, "c.env"), `GITHUB_TOKEN=${token}\n`);
    const { createHash } = await import("node:crypto");
    const legacy = `github-pat:c.env:${createHash("sha256").update(`mamori\0github-pat\0${token}`).digest("hex").slice(0, 20)}`;
    writeFileSync(join(repo, ".mamoriignore"), `${legacy}\n`);
    const newKey = join(work, "new2.key");
    writeFileSync(newKey, randomBytes(32).toString("hex"));
    expect((await cli(["rekey", repo, "--new-key-file", newKey])).code).toBe(2);
    const run = await cli(["rekey", repo, "--from-unkeyed", "--new-key-file", newKey]);
    expect(run.stdout).toMatch(/re-keyed 1 fingerprint/);
    expect((await cli(["scan", repo, "--threads", "1", "--fingerprint-key-file", newKey])).code).toBe(0);
  });
});
