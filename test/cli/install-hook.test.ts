import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expandTemplate } from "../helpers/expand-template.js";
import { createTestRepo } from "../helpers/git-repo.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

describe("mamori install-hook", () => {
  const repo = createTestRepo();
  let bin: string;
  let bundle: string;
  beforeAll(async () => {
    // A `mamori` on PATH for the hook: the CLI compiled on the fly.
    bundle = await bundleEntries("install-hook", { main: "src/cli/main.ts" });
    bin = join(repo.dir, "..", `${repo.dir.split("/").pop()}-bin`);
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, "mamori"), `#!/bin/sh\nexec "${process.execPath}" "${bundle}/main.js" "$@"\n`);
    chmodSync(join(bin, "mamori"), 0o755);
  }, 120_000);
  afterAll(() => {
    repo.remove();
    rmSync(bin, { recursive: true, force: true });
    rmSync(bundle, { recursive: true, force: true });
  });

  it("writes an executable pre-commit hook that blocks a commit adding a secret", async () => {
    const { code, stdout } = await runCliCapture(["install-hook", repo.dir]);
    expect(code).toBe(0);
    const hook = join(repo.dir, ".git", "hooks", "pre-commit");
    expect(stdout).toContain(hook);
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(readFileSync(hook, "utf8")).toContain("mamori scan --staged");

    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: "1" };
    const commit = () => spawnSync("git", ["-C", repo.dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "change"], { env, encoding: "utf8" });
    repo.write("ok.txt", "hello\n");
    repo.git("add", ".");
    expect(commit().status).toBe(0);
    repo.write("deploy.env", `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
    repo.git("add", ".");
    const blocked = commit();
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/deploy\.env:1/);
    expect(execFileSync("git", ["-C", repo.dir, "log", "--oneline"]).toString().trim().split("\n")).toHaveLength(1);
  }, 120_000);

  it("leaves a hook it did not write alone unless --force", async () => {
    const hook = join(repo.dir, ".git", "hooks", "pre-commit");
    writeFileSync(hook, "#!/bin/sh\necho mine\n");
    const refused = await runCliCapture(["install-hook", repo.dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists and was not written by Mamori/);
    expect(readFileSync(hook, "utf8")).toContain("echo mine");
    expect((await runCliCapture(["install-hook", repo.dir, "--force"])).code).toBe(0);
    expect(readFileSync(hook, "utf8")).toContain("mamori scan --staged");
  });
});

describe(".pre-commit-hooks.yaml", () => {
  it("declares a mamori hook that scans the staged content", async () => {
    const hooks = parse(readFileSync(".pre-commit-hooks.yaml", "utf8")) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    const hook = hooks.find((h) => h.id === "mamori")!;
    expect(hook.language).toBe("node");
    expect(hook.pass_filenames).toBe(false);
    expect(hook.entry.split(" ")).toEqual(["mamori", "scan", "--staged", "--quiet"]);
    // The entry's arguments are ones the CLI accepts (run in a fresh repository with nothing staged).
    const repo = createTestRepo();
    try {
      const cwd = process.cwd();
      process.chdir(repo.dir);
      try {
        const { code, stderr } = await runCliCapture(hook.entry.split(" ").slice(1));
        expect(stderr).toBe("");
        expect(code).toBe(0);
      } finally {
        process.chdir(cwd);
      }
    } finally {
      repo.remove();
    }
  });
});
