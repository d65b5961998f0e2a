import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runAction } from "../../src/action/run-action.js";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { createTestRepo } from "../helpers/git-repo.js";

// The Action's entry with a simulated Actions environment: a pull_request event file,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the workspace a checkout with full history.
describe("the GitHub Action", () => {
  const repo = createTestRepo("mamori-action-");
  const runner = createTestRepo("mamori-runner-");
  afterAll(() => {
    repo.remove();
    runner.remove();
  });
  const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");

  repo.write("README.md", "hello\n");
  repo.write(".github/mamori.yml", "failOn: high\n");
  repo.git("add", ".");
  repo.git("commit", "-qm", "base");
  const base = repo.git("rev-parse", "HEAD");
  repo.git("checkout", "-qb", "feature");
  repo.write("deploy/settings.env", `A=1\nGITHUB_TOKEN=${token}\n`);
  repo.git("add", ".");
  repo.git("commit", "-qm", "add settings");
  // A later commit of the pull request removes the value again.
  repo.write("deploy/settings.env", "A=1\n");
  repo.git("add", ".");
  repo.git("commit", "-qm", "remove it again");

  const env = (extra: Record<string, string> = {}) => {
    const event = join(runner.dir, "event.json");
    writeFileSync(event, JSON.stringify({ action: "opened", number: 7, pull_request: { number: 7, base: { sha: base, ref: "main" }, head: { sha: repo.git("rev-parse", "HEAD") } }, repository: { private: true } }));
    const output = join(runner.dir, "output.txt");
    const summary = join(runner.dir, "summary.md");
    writeFileSync(output, "");
    writeFileSync(summary, "");
    return { GITHUB_ACTIONS: "true", GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event, GITHUB_WORKSPACE: repo.dir, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: runner.dir, ...extra };
  };

  async function act(e: Record<string, string>) {
    let log = "";
    const code = await runAction(e, { scan: runCli, log: (s) => (log += s), version: "0.0.0-test" });
    return { code, log };
  }

  it("scans the pull request's commits, fails on findings, writes SARIF, outputs, annotations and a summary", async () => {
    const e = env();
    const { code, log } = await act(e);
    expect(code).toBe(1);
    // The value a later commit removed is still in the branch history: reported where it was added.
    expect(log).toMatch(/^::error file=deploy\/settings\.env,line=2,title=Mamori%3A github-pat::/m);
    expect(log).not.toContain(token);
    const sarif = JSON.parse(readFileSync(join(repo.dir, "mamori.sarif"), "utf8")) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(["deploy/settings.env"]);
    const outputs = readFileSync(e.GITHUB_OUTPUT, "utf8");
    expect(outputs).toContain("findings=1\n");
    expect(outputs).toContain("exit-code=1\n");
    expect(outputs).toContain(`sarif=${join(repo.dir, "mamori.sarif")}\n`);
    expect(readFileSync(e.GITHUB_STEP_SUMMARY, "utf8")).toMatch(/### Mamori\n\n✖ 1 finding in the commits since `[0-9a-f]{7}`/);
  });

  it("uses the base branch's configuration: the pull request cannot switch its own scan off", async () => {
    repo.write(".github/mamori.yml", "failOn: high\npaths:\n  ignore: ['**']\n");
    repo.git("add", ".");
    repo.git("commit", "-qm", "switch the scan off");
    const { code, log } = await act(env());
    expect(log).toContain(`--config-from ${base}`);
    expect(code).toBe(1);
  });

  it("passes a clean range and fails closed on an error", async () => {
    const clean = await act(env({ INPUT_BASE: repo.git("rev-parse", "HEAD") }));
    expect(clean.code).toBe(0);
    const e = env({ INPUT_BASE: "no-such-revision" });
    const broken = await act(e);
    expect(broken.code).toBe(2);
    expect(broken.log).toMatch(/::error title=Mamori::the scan could not run/);
    expect(readFileSync(e.GITHUB_OUTPUT, "utf8")).toContain("exit-code=2\n");
  });

  it("has an action.yml that runs this entry", () => {
    const yml = readFileSync("action.yml", "utf8");
    expect(yml).toContain('node "$GITHUB_ACTION_PATH/lib/action/main.js"');
    expect(yml).toMatch(/^\s+using: composite$/m);
  });

  it("the README's workflow example uses this action as it is: its outputs, a full-history checkout, SARIF upload rights", () => {
    const action = parse(readFileSync("action.yml", "utf8")) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const readme = readFileSync("README.md", "utf8");
    const block = readme.match(/```yaml\n(# \.github\/workflows\/mamori\.yml\n[\s\S]*?)```/)?.[1];
    expect(block).toBeDefined();
    const workflow = parse(block!) as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; id?: string; with?: Record<string, unknown>; if?: string }[] }> };
    expect(workflow.permissions["security-events"]).toBe("write");
    const steps = Object.values(workflow.jobs)[0].steps;
    expect(steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@/), with: { "fetch-depth": 0 } });
    const mamori = steps.find((s) => s.id === "mamori")!;
    expect(mamori.uses).toMatch(/\/mamori@/);
    for (const input of Object.keys(mamori.with ?? {})) expect(Object.keys(action.inputs)).toContain(input);
    // Every `steps.mamori.outputs.X` the example reads is an output of action.yml.
    const used = [...block!.matchAll(/steps\.mamori\.outputs\.([\w-]+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(action.outputs)).toContain(name);
    // The inputs the README lists are the action's.
    const listed = [...(readme.match(/^Inputs: (.*(?:\n.+)*)/m)?.[1] ?? "").matchAll(/`([\w-]+)`/g)].map((m) => m[1]).filter((n) => !/^mamori/.test(n));
    expect(listed.filter((n) => n in action.inputs).sort()).toEqual(Object.keys(action.inputs).sort());
  });
});
