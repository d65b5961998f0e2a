import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";

/**
 * End-to-end CLI cases (secretlint style): test/cases/<ok|ng>.<name>/ holds `files/` (the
 * scanned folder; a file ending in `.tmpl` is expanded at test time and loses the suffix, so
 * no live-looking value is committed), optional `args` (one CLI argument per line; `{dir}` is
 * the scanned folder) and `expected.txt`: exit code and stdout, regenerated with `vitest -u`.
 * `ok.*` cases must exit 0 and `ng.*` cases 1.
 */
const casesDir = "test/cases";
const work = mkdtempSync(join(tmpdir(), "mamori-cases-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function materialise(name: string): string {
  const dir = join(work, name);
  cpSync(join(casesDir, name, "files"), dir, { recursive: true });
  const expand = (d: string) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) expand(p);
      else if (entry.endsWith(".tmpl")) {
        writeFileSync(p, expandTemplate(readFileSync(p, "utf8")));
        renameSync(p, p.slice(0, -5));
      }
    }
  };
  expand(dir);
  return dir;
}

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: () => Buffer.alloc(0),
    isTty: false,
    stdoutTty: false,
    version: "0.0.0-test",
  });
  return { code, stdout, stderr };
}

const names = readdirSync(casesDir).filter((n) => /^(ok|ng)\./.test(n)).sort();

describe.each(names.map((n) => [n]))("case %s", (name) => {
  it("gives the expected exit code and output", async () => {
    const dir = materialise(name);
    const argsFile = join(casesDir, name, "args");
    const args = (statSync(argsFile, { throwIfNoEntry: false }) ? readFileSync(argsFile, "utf8").split("\n").filter(Boolean) : ["scan", "{dir}", "--format", "json"]).map((a) => a.replace("{dir}", dir));
    const { code, stdout, stderr } = await run(args);
    const normalised = stdout.replaceAll(dir, "<dir>").replace(/"durationMs": ?\d+/g, '"durationMs":0').replace(/\b\d+ ms\b/g, "0 ms");
    expect(stderr).toBe("");
    expect(code).toBe(name.startsWith("ok.") ? 0 : 1);
    await expect(`exit ${code}\n${normalised}`).toMatchFileSnapshot(join("..", "cases", name, "expected.txt"));
  });
});
