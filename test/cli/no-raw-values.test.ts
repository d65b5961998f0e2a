import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { expandTemplate } from "../helpers/expand-template.js";

// Plants generated secrets and personal values, runs every output format, and searches the
// output for the raw values and for any long piece of them.
const dir = mkdtempSync(join(tmpdir(), "mamori-raw-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secrets = {
  github: expandTemplate("ghp_{{base62:30}}{{crc32-github}}"),
  awsId: expandTemplate("AKIA{{upper:16}}"),
  awsSecret: expandTemplate("{{base62:40}}"),
  dbPassword: expandTemplate("Zq{{base62:14}}"),
};
writeFileSync(
  join(dir, "settings.env"),
  [
    `GITHUB_TOKEN=${secrets.github}`,
    `AWS_ACCESS_KEY_ID=${secrets.awsId}`,
    `AWS_SECRET_ACCESS_KEY=${secrets.awsSecret}`,
    `DATABASE_URL=postgres://app:${secrets.dbPassword}@db.internal:5432/app`,
  ].join("\n") + "\n",
);

function pieces(value: string, n = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= value.length; i++) out.push(value.slice(i, i + n));
  return out;
}

describe.each(["text", "json", "sarif", "html"])("--format %s", (format) => {
  it("never shows a raw value", async () => {
    let stdout = "";
    const code = await runCli(["scan", dir, "--format", format, "--no-color"], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stdout += s),
      stdin: () => Buffer.alloc(0),
      isTty: false,
      stdoutTty: false,
      version: "test",
    });
    expect(code).toBe(1);
    for (const [name, value] of Object.entries(secrets)) {
      expect(stdout, name).not.toContain(value);
      for (const piece of pieces(value)) expect(stdout.includes(piece), `${name}: ${piece}`).toBe(false);
    }
  });
});
