import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandTemplate } from "../helpers/expand-template.js";
import { createTestRepo } from "../helpers/git-repo.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("scanning a subfolder of a repository", () => {
  const repo = createTestRepo();
  afterAll(() => repo.remove());
  repo.write("services/api/.env", `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`);
  repo.write("README.md", "x\n");
  repo.git("add", ".");
  repo.git("commit", "-qm", "base");

  it("gives paths and fingerprints relative to the repository root, as a scan of the root does", async () => {
    const json = async (target: string) => JSON.parse((await runCliCapture(["scan", target, "--format", "json"])).stdout) as { findings: { path: string; fingerprint: string }[] };
    const whole = await json(repo.dir);
    const sub = await json(join(repo.dir, "services/api"));
    const file = await json(join(repo.dir, "services/api/.env"));
    expect(sub.findings.map((f) => f.path)).toEqual(["services/api/.env"]);
    expect(sub.findings.map((f) => f.fingerprint)).toEqual(whole.findings.map((f) => f.fingerprint));
    expect(file.findings.map((f) => f.fingerprint)).toEqual(whole.findings.map((f) => f.fingerprint));
    expect(whole.findings[0].fingerprint).toContain("services/api/.env");
  });

  it("honours the root's .mamoriignore in a subfolder scan", async () => {
    const whole = JSON.parse((await runCliCapture(["scan", repo.dir, "--format", "json"])).stdout) as { findings: { fingerprint: string }[] };
    repo.write(".mamoriignore", `${whole.findings[0].fingerprint}  # test fixture\n`);
    const { code } = await runCliCapture(["scan", join(repo.dir, "services/api")]);
    expect(code).toBe(0);
  });
});
