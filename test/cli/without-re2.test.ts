import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// `npm install --ignore-scripts` leaves re2 without its native module (its install script builds
// it). The CLI loaded re2 at start, so even `mamori --version` failed. Here the CLI runs in an
// installation whose re2 cannot load, exactly as it then throws: --version, --help and a scan
// without custom rules work; a custom rule fails closed (exit 2) saying why.
const work = mkdtempSync(join(tmpdir(), "mamori-no-re2-"));
const pkg = join(work, "pkg");
let main: string;
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  const bundle = await bundleEntries("without-re2", { main: "src/cli/main.ts", "cli-scan-thread": "src/cli/cli-scan-thread.ts" });
  mkdirSync(join(pkg, "lib"), { recursive: true });
  cpSync(bundle, join(pkg, "lib", "cli"), { recursive: true });
  cpSync("package.json", join(pkg, "package.json"));
  symlinkSync(resolve("rules"), join(pkg, "rules"));
  // Every installed package but re2, which is replaced by one whose binary was never built.
  const modules = join(pkg, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync("node_modules")) if (name !== "re2" && name !== ".bin") symlinkSync(resolve("node_modules", name), join(modules, name));
  mkdirSync(join(modules, "re2"));
  writeFileSync(join(modules, "re2", "package.json"), JSON.stringify({ name: "re2", version: "0.0.0", main: "re2.js" }));
  writeFileSync(join(modules, "re2", "re2.js"), 'module.exports = require("./build/Release/re2.node");\n');
  main = join(pkg, "lib", "cli", "main.js");
  mkdirSync(join(work, "tree", ".github"), { recursive: true });
  writeFileSync(join(work, "tree", "a.txt"), "hello\n");
}, 120_000);

const run = (...args: string[]) => spawnSync(process.execPath, [main, ...args], { cwd: work, encoding: "utf8", timeout: 60_000, env: { ...process.env, MAMORI_FINGERPRINT_KEY: "3".repeat(64) } });

describe("the CLI where re2's native module could not be built", () => {
  it("--version and --help work", { timeout: 60_000 }, () => {
    const version = run("--version");
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const help = run("--help");
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/mamori scan/);
  });

  it("a scan without custom rules works; a custom rule fails closed, naming re2", { timeout: 120_000 }, () => {
    const plain = run("scan", "tree", "--quiet");
    expect(plain.status, plain.stderr).toBe(0);
    writeFileSync(
      join(work, "tree", ".github", "mamori.yml"),
      "custom:\n  - id: acme-token\n    title: { en: Acme, ja: Acme }\n    remediation: { en: '-', ja: '-' }\n    category: secret\n    kind: acme-token\n    severity: high\n    keywords: [acme]\n    pattern: 'acme_[a-z]{8}'\n    samples: { match: ['acme_abcdefgh'], nomatch: ['x'] }\n",
    );
    const custom = run("scan", "tree", "--quiet");
    expect(custom.status).toBe(2);
    expect(custom.stderr).toMatch(/acme-token.*RE2, whose native module could not be loaded/s);
  });
});
