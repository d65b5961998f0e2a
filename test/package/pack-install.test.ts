import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import semver from "semver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandTemplate } from "../helpers/expand-template.js";

// `npm pack` (prepack builds), then the README's install commands: `npm install -g` of the
// tarball into a temporary prefix and `npx` of it (re2 builds from source each time: minutes),
// then the installed `mamori`. Slow, so it runs in CI (CI=true) or with MAMORI_PACK_TEST=1, and
// says so when skipped.
const run = process.env.CI === "true" || process.env.MAMORI_PACK_TEST === "1";
if (!run) console.warn("pack-install.test.ts: skipped outside CI (set MAMORI_PACK_TEST=1 to run it: several minutes)");

describe.runIf(run)("the packed package", () => {
  const work = mkdtempSync(join(tmpdir(), "mamori-pack-"));
  const prefix = join(work, "prefix");
  let tarball: string;
  let files: string[];
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string; engines: { node: string } };
  // No audit or fund requests, no prompt; npx gets its own cache in the temporary folder (no leftovers in ~/.npm/_npx).
  const npmEnv = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_yes: "true", npm_config_update_notifier: "false" };
  /** A command of the README's install block, split into words, the tarball's glob replaced by the packed file. */
  const readmeCommand = (start: string): string[] => {
    const block = readFileSync("README.md", "utf8").match(/^To install the command[\s\S]*?```sh\n([\s\S]*?)```/m)?.[1] ?? "";
    const line = block.split("\n").find((l) => l.startsWith(start));
    if (!line) throw new Error(`the README's install block has no "${start}…" line`);
    return line.replace(/\s+#.*$/, "").trim().split(/\s+/).map((w) => (w === "./mamori-*.tgz" ? tarball : w));
  };

  beforeAll(() => {
    // Pack a copy of the work tree (what git would commit) so the build does not touch this lib/.
    const src = join(work, "src");
    const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).toString().split("\0").filter(Boolean);
    for (const f of listed) {
      mkdirSync(dirname(join(src, f)), { recursive: true });
      try {
        cpSync(f, join(src, f));
      } catch {
        // deleted in the work tree
      }
    }
    symlinkSync(resolve("node_modules"), join(src, "node_modules"));
    execFileSync("npm", ["pack", "--pack-destination", work, "--no-fund", "--no-audit"], { cwd: src, stdio: ["ignore", "pipe", "pipe"] });
    tarball = join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!);
    files = execFileSync("tar", ["tzf", tarball]).toString().split("\n").filter(Boolean);
    // Exactly the README's install command, with the temporary prefix in place of the global one.
    const install = readmeCommand("npm install -g ");
    execFileSync(install[0], ["--prefix", prefix, ...install.slice(1)], { stdio: ["ignore", "pipe", "pipe"], env: npmEnv });
  }, 1_200_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

  it("holds only runtime files, with the licence and the changelog", () => {
    expect(files).toEqual(expect.arrayContaining(["package/package.json", "package/LICENSE", "package/CHANGELOG.md", "package/README.md", "package/lib/cli/main.js", "package/action.yml"]));
    expect(files.some((f) => f.startsWith("package/rules/secrets/"))).toBe(true);
    expect(files.filter((f) => /\.map$|\/\.tb-|^package\/test\/|^package\/src\/|\.test\./.test(f))).toEqual([]);
    const packed = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/package.json"]).toString()) as { private?: boolean; license: string };
    expect(packed.private).toBeUndefined();
    expect(packed.license).toBe("MIT");
  });

  it("installs a working mamori: --version and a scan", () => {
    const bin = join(prefix, "bin", "mamori");
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(pkg.version);
    const dir = join(work, "scan");
    mkdirSync(dir);
    writeFileSync(join(dir, "settings.env"), `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
    const scan = spawnSync(bin, ["scan", dir, "--format", "json"], { encoding: "utf8" });
    expect(scan.stderr).toBe("");
    expect(scan.status).toBe(1);
    expect((JSON.parse(scan.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toEqual(["github-pat"]);
  });

  it("installs a tree whose every package runs on the Node versions package.json admits (no overrides reach a user's install)", () => {
    const root = join(prefix, "lib", "node_modules", "mamori");
    const excluding: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name.startsWith(".")) continue;
        if (name.startsWith("@")) {
          walk(join(dir, name));
          continue;
        }
        const at = join(dir, name);
        const meta = JSON.parse(readFileSync(join(at, "package.json"), "utf8")) as { name: string; version: string; engines?: { node?: string } };
        const node = typeof meta.engines?.node === "string" ? meta.engines.node : undefined;
        if (node && !semver.subset(pkg.engines.node, node)) excluding.push(`${meta.name}@${meta.version} wants node ${node}`);
        if (existsSync(join(at, "node_modules"))) walk(join(at, "node_modules"));
      }
    };
    walk(join(root, "node_modules"));
    expect(excluding).toEqual([]);
  });

  // (`npx ./file.tgz` would run the file as a command: the tarball is named with --package.)
  it("runs with npx from the tarball, as the README says", () => {
    const dir = join(work, "npx");
    mkdirSync(dir);
    writeFileSync(join(dir, "settings.env"), `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
    const npx = readmeCommand("npx ");
    const run = spawnSync(npx[0], [...npx.slice(1), "--format", "json"], { cwd: dir, encoding: "utf8", env: { ...npmEnv, npm_config_cache: join(work, "npm-cache") }, timeout: 1_200_000 });
    expect(run.status, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toEqual(["github-pat"]);
  }, 1_200_000);
});
