import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandTemplate } from "../helpers/expand-template.js";
import { createTestRepo } from "../helpers/git-repo.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("baselines", () => {
  const repo = createTestRepo();
  afterAll(() => repo.remove());
  const old = expandTemplate("ghp_{{base62:30}}{{crc32-github}} old").split(" ")[0];
  const fresh = expandTemplate("ghp_{{base62:30}}{{crc32-github}} new").split(" ")[0];
  repo.write("legacy/settings.env", `A=1\nGITHUB_TOKEN=${old}\n`);
  repo.git("add", ".");
  repo.git("commit", "-qm", "old repository");

  it("mamori baseline writes today's findings to .mamoriignore, then only new leaks fail", async () => {
    const before = await runCliCapture(["scan", repo.dir]);
    expect(before.code).toBe(1);
    const baseline = await runCliCapture(["baseline", repo.dir]);
    expect(baseline.code).toBe(0);
    expect(baseline.stderr).toMatch(/1 finding added to .*\.mamoriignore/);
    const ignore = readFileSync(join(repo.dir, ".mamoriignore"), "utf8");
    expect(ignore).toMatch(/^github-pat:legacy\/settings\.env:\S+ {2}# legacy\/settings\.env:2 github-pat — reason: TODO/m);
    expect(ignore).not.toContain(old);
    expect((await runCliCapture(["scan", repo.dir])).code).toBe(0);
    // Running it again adds nothing twice.
    await runCliCapture(["baseline", repo.dir]);
    expect(readFileSync(join(repo.dir, ".mamoriignore"), "utf8")).toBe(ignore);
    // A new leak still fails.
    repo.write("app/new.env", `TOKEN=${fresh}\n`);
    const after = await runCliCapture(["scan", repo.dir, "--format", "json"]);
    expect(after.code).toBe(1);
    expect((JSON.parse(after.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(["app/new.env"]);
  });

  it("--baseline FILE reports and fails only on findings not in a saved JSON report", async () => {
    const other = createTestRepo();
    try {
      other.write("a.env", `GITHUB_TOKEN=${old}\n`);
      const saved = join(other.dir, "..", `${other.dir.split("/").pop()}-baseline.json`);
      const first = await runCliCapture(["scan", other.dir, "--format", "json"]);
      writeFileSync(saved, first.stdout);
      expect((await runCliCapture(["scan", other.dir, "--baseline", saved])).code).toBe(0);
      other.write("b.env", `GITHUB_TOKEN=${fresh}\n`);
      const next = await runCliCapture(["scan", other.dir, "--baseline", saved, "--format", "json"]);
      expect(next.code).toBe(1);
      expect((JSON.parse(next.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(["b.env"]);
      const missing = await runCliCapture(["scan", other.dir, "--baseline", join(other.dir, "nope.json")]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/--baseline .*nope\.json: no such file \(save one with mamori scan --format json/);
      writeFileSync(join(other.dir, "x.json"), "[]");
      expect((await runCliCapture(["scan", other.dir, "--baseline", join(other.dir, "x.json")])).stderr).toMatch(/not a Mamori JSON report/);
    } finally {
      other.remove();
    }
  });
});
