import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandTemplate } from "../helpers/expand-template.js";

// `npm pack` (prepack builds), then `npm install -g` of the tarball into a temporary prefix (re2
// builds from source: minutes), then the installed `mamori`. Slow, so it runs in CI (CI=true)
// or with MAMORI_PACK_TEST=1, and says so when skipped.
const run = process.env.CI === "true" || process.env.MAMORI_PACK_TEST === "1";
if (!run) console.warn("pack-install.test.ts: skipped outside CI (set MAMORI_PACK_TEST=1 to run it: several minutes)");

describe.runIf(run)("the packed package", () => {
  const work = mkdtempSync(join(tmpdir(), "mamori-pack-"));
  const prefix = join(work, "prefix");
  let tarball: string;
  let files: string[];
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

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
    execFileSync("npm", ["install", "-g", "--prefix", prefix, tarball, "--allow-scripts=re2,msgpackr-extract", "--prefer-offline", "--no-audit", "--no-fund"], { stdio: ["ignore", "pipe", "pipe"] });
  }, 1_200_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

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
});
