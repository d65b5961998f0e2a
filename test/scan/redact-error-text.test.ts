import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import type { DbSource } from "../../src/db/types.js";
import { scanSource } from "../../src/db/scan-database.js";
import { toJson } from "../../src/report/to-json.js";
import { toSarif } from "../../src/report/to-sarif.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { redactErrorText } from "../../src/scan/redact-error-text.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

// Issue 11, item 3: errors quoted values — a YAML error quoted the broken line (a pasted token
// ended up in the CLI's error and the check summary), an unknown rule id was echoed, a custom
// rule's failing sample was quoted. Every value here is generated at test time.
const token = () => expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
const awsKey = () => expandTemplate("AKIA{{upper:16}}");
/** Pieces long enough to identify a value (a redacted preview keeps at most 4 characters at each end). */
const leaks = (text: string, value: string) => Array.from({ length: value.length - 9 }, (_, i) => value.slice(i, i + 10)).some((p) => text.includes(p));

const dir = mkdtempSync(join(tmpdir(), "mamori-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe("redactErrorText", () => {
  it("replaces each value the rules find by its redacted preview, leaving the rest of the message", () => {
    const t = token();
    const k = awsKey();
    const out = redactErrorText(`bad indentation at line 3, column 5:\n  github_token: ${t}\n  aws: ${k}\n    ^`);
    expect(leaks(out, t)).toBe(false);
    expect(leaks(out, k)).toBe(false);
    expect(out).toMatch(/^bad indentation at line 3, column 5:\n {2}github_token: ghp_\*+…\w{1,4}\n/);
    expect(out).toContain("AKIA");
  });

  it("leaves a message without values as it is", () => {
    const message = "rules: unknown rule id \"github-pta\" (see `mamori rules` for the list)";
    expect(redactErrorText(message)).toBe(message);
  });
});

describe("the CLI's errors never quote a value", () => {
  const tree = join(dir, "tree");
  mkdirSync(tree, { recursive: true });
  writeFileSync(join(tree, "a.txt"), "hello\n");

  it("a broken YAML line holding a token", async () => {
    const t = token();
    const config = write("broken.yml", `failOn: high\nrules:\n  disable: [github-pat\ngithub_token: ${t}\n`);
    const run = await runCliCapture(["scan", tree, "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not valid YAML/);
    expect(leaks(run.stderr, t)).toBe(false);
  });

  it("a token pasted as a rule id, or as a key", async () => {
    const t = token();
    const k = awsKey();
    const asId = await runCliCapture(["scan", tree, "--config", write("id.yml", `rules:\n  disable: ["${t}"]\n`)]);
    expect(asId.code).toBe(2);
    expect(asId.stderr).toMatch(/unknown rule id/);
    expect(leaks(asId.stderr, t)).toBe(false);
    const asKey = await runCliCapture(["scan", tree, "--config", write("key.yml", `${k}: 1\n`)]);
    expect(asKey.code).toBe(2);
    expect(asKey.stderr).toMatch(/invalid configuration/i);
    expect(leaks(asKey.stderr, k)).toBe(false);
  });

  it("an unknown rule id that does not look like one is not echoed at all", async () => {
    const odd = `${expandTemplate("{{base62:12}}")} ${expandTemplate("{{base62:12}}")}`;
    const run = await runCliCapture(["scan", tree, "--config", write("odd.yml", `rules:\n  disable: ["${odd}"]\n`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown rule id \(25 characters, not shown/);
    expect(run.stderr).not.toContain(odd.slice(0, 12));
  });

  it("a custom rule's failing sample", async () => {
    const sample = `token = acme_${expandTemplate("{{base62:32}}")}`;
    const rule = [
      "custom:",
      "  - id: acme-token",
      "    title: { en: Acme token, ja: Acme トークン }",
      "    remediation: { en: Revoke it., ja: 無効化してください。 }",
      "    category: secret",
      "    kind: acme-token",
      "    severity: high",
      "    keywords: [acme_]",
      "    pattern: 'acme_[a-f0-9]{40}'",
      "    samples:",
      `      match: ['${sample}']`,
      "      nomatch: ['token = acme_short']",
    ].join("\n");
    const run = await runCliCapture(["scan", tree, "--config", write("custom.yml", `${rule}\n`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("rule acme-token: samples.match[0] gives no finding");
    expect(leaks(run.stderr, sample.slice(8))).toBe(false);
  });
});

describe("error text is redacted whatever the rules' thresholds (issue 11, item 3)", () => {
  // A bare phone number or My Number is no finding in a report without a label beside it, but in
  // an error it is still someone's: none of these may come out of a broken .github/mamori.yml.
  const values = () => ({
    phone: expandTemplate("{{mobile}}"),
    myNumber: expandTemplate("{{mynumber}}"),
    email: `${expandTemplate("{{lower:5}}")}.${expandTemplate("{{lower:6}}")}@gmail.com`,
    token: token(),
    name: expandTemplate("{{sei}} {{mei}}"),
  });
  /** The whole value, or for a long one any 10 characters of it. */
  const shows = (text: string, value: string) => (value.length >= 20 ? leaks(text, value) : text.includes(value));

  it("redactErrorText hides a bare My Number, phone number, e-mail and name", () => {
    const v = values();
    const out = redactErrorText(`rules: unknown rule id "${v.myNumber}"; keys "${v.phone}", "${v.email}", "${v.name}"`);
    for (const value of [v.myNumber, v.phone, v.email, v.name]) expect(out).not.toContain(value);
    expect(out).toMatch(/^rules: unknown rule id "\*+\d{4}"/);
  });

  it.each([
    ["invalid YAML", (v: ReturnType<typeof values>) => `failOn: [high\n${v.phone}: ${v.myNumber}\nnote: ${v.email} ${v.token}\n`],
    ["unknown rule ids", (v: ReturnType<typeof values>) => `rules:\n  disable: ["${v.myNumber}", "${v.phone}", "${v.email}", "${v.token}", "${v.name}"]\n`],
    ["unknown keys", (v: ReturnType<typeof values>) => `${v.myNumber}: 1\n"${v.phone}": 2\n"${v.email}": 3\n${v.token}: 4\n${v.name}: 5\n`],
    ["values of the wrong shape", (v: ReturnType<typeof values>) => `failOn: "${v.myNumber} ${v.phone} ${v.email} ${v.token}"\nlanguage: ${v.myNumber}\n`],
  ])("a broken .github/mamori.yml (%s): no value in stderr, nor in text, JSON or SARIF output", async (_name, config) => {
    const v = values();
    const tree = mkdtempSync(join(dir, "broken-"));
    mkdirSync(join(tree, ".github"));
    writeFileSync(join(tree, ".github", "mamori.yml"), config(v));
    writeFileSync(join(tree, "a.txt"), "hello\n");
    for (const format of ["text", "json", "sarif"]) {
      const run = await runCliCapture(["scan", tree, "--format", format]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/mamori\.yml|rule id/);
      for (const value of Object.values(v)) expect(shows(run.stderr + run.stdout, value), `${format}: ${run.stderr}`).toBe(false);
    }
  });
});

describe("skip reasons in JSON and SARIF", () => {
  it("a database error quoting a value is redacted in stats.skipped and the SARIF notifications", async () => {
    const t = token();
    const source: DbSource = {
      database: "shop",
      listTables: async () => [{ schema: "public", name: "settings", columns: ["name", "value"] }],
      readRows: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(Object.assign(new Error(`invalid input syntax for type json: "github_token=${t}"`), { code: "22P02" })) }),
      }),
      close: async () => undefined,
    };
    const rules = loadRules();
    const result = await scanSource(source, configSchema.parse({}), { rules, fingerprintKey: new Uint8Array(32).fill(7) });
    expect(result.stats.skipped).toEqual([{ path: "db:shop/public.settings", reason: expect.stringMatching(/^could not read the table: 22P02: invalid input syntax/) }]);
    const json = toJson(result);
    const sarif = toSarif(result, rules, { language: "en", toolVersion: "0.0.0" });
    expect(JSON.parse(sarif).runs[0].invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^Skipped: could not read the table/);
    expect(leaks(json, t)).toBe(false);
    expect(leaks(sarif, t)).toBe(false);
  });
});
