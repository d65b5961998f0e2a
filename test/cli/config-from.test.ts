import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

const work = mkdtempSync(join(tmpdir(), "mamori-cfgfrom-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "0.0.0-test" });
  return { code, stdout, stderr };
}
/** The CLI in a child process, killed after `ms`: a scan that hangs is then a failed assertion, not a stuck test run. */
async function cliProcess(args: string[], ms = 90_000) {
  const main = `${await bundleEntries("cfgfrom-cli", { main: "src/cli/main.ts", "cli-scan-thread": "src/cli/cli-scan-thread.ts" })}/main.js`;
  return new Promise<{ code: number | null; killed: boolean; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [main, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, ms);
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stderr });
    });
  });
}
const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false", ...args], { stdio: "pipe" }).toString();

const customRule = (pattern: string) => `custom:
  - id: acme-token
    title: { en: Acme token, ja: Acme トークン }
    remediation: { en: Revoke it., ja: 無効化してください。 }
    category: secret
    kind: acme-token
    severity: high
    keywords: [acme]
    pattern: '${pattern}'
    samples: { match: ['acme aaaa'], nomatch: ['x'] }
`;

describe("a pull request cannot switch off its own CLI gate", () => {
  it("--config-from REV reads the configuration and .mamoriignore from the base, not from the tree", { timeout: 60_000 }, async () => {
    const repo = join(work, "repo");
    mkdirSync(repo);
    git(repo, "init", "-q", "-b", "main");
    writeFileSync(join(repo, "README.md"), "# widgets\n");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "base");
    // The pull request: a token, and a config and ignore file that would hide it.
    mkdirSync(join(repo, ".github"));
    writeFileSync(join(repo, ".github", "mamori.yml"), "paths:\n  ignore: ['**']\n");
    writeFileSync(join(repo, "deploy.env"), `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
    git(repo, "checkout", "-qb", "pr");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "pr");
    // The attack: the tree's own configuration passes the gate.
    expect((await cli(["scan", repo, "--threads", "1"])).code).toBe(0);
    const gated = await cli(["scan", repo, "--threads", "1", "--config-from", "main"]);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain("deploy.env");
    expect((await cli(["scan", repo, "--config-from", "no-such-branch"])).stderr).toMatch(/not a commit/);
    expect((await cli(["scan", repo, "--config-from", "main", "--config", join(repo, ".github", "mamori.yml")])).code).toBe(2);
  });

  it("custom rules run on RE2 in the CLI as in the App: a catastrophic pattern finishes, lookaround is refused naming the rule", { timeout: 180_000 }, async () => {
    const dir = join(work, "custom");
    mkdirSync(join(dir, ".github"), { recursive: true });
    writeFileSync(join(dir, "data.txt"), `acme ${"a".repeat(40)}!\n`);
    writeFileSync(join(dir, ".github", "mamori.yml"), customRule("acme (a+)+$"));
    // On JavaScript's RegExp this backtracks 2^40 times (the process is killed); RE2 is linear.
    const r = await cliProcess(["scan", dir, "--threads", "1", "--file-timeout", "0"]);
    expect(r.killed).toBe(false);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    writeFileSync(join(dir, ".github", "mamori.yml"), customRule("acme (?=a)a+"));
    const bad = await cli(["scan", dir, "--threads", "1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rule acme-token: pattern: .*RE2/);
  });
});
