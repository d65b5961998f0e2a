import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvDraft04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { createSarifWriter, toSarif } from "../../src/report/to-sarif.js";
import { sampleResult, sampleRules } from "./fixtures/sample-result.js";

/**
 * The SARIF 2.1.0 JSON schema (rtm.5, the final committee draft whose definitions and required
 * fields equal the OASIS 2.1.0 schema) as Microsoft ships it in @microsoft/jest-sarif. It is
 * draft-04, hence ajv-draft-04. `unicodeRegExp: false`: the schema's `language` pattern has a
 * stray `]` that is a syntax error under the `u` flag (a known defect of the published schema).
 */
// Both are CommonJS with `exports.default`: under NodeNext the default import is the module object.
const Ajv = (AjvDraft04.default ?? AjvDraft04) as typeof AjvDraft04.default;
const addFormats = (addFormatsModule.default ?? addFormatsModule) as typeof addFormatsModule.default;
const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
const ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function valid(sarif: unknown): boolean {
  const ok = validate(sarif);
  if (!ok) console.error(ajv.errorsText(validate.errors, { separator: "\n" }));
  return ok as boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe("toSarif", () => {
  const en = toSarif(sampleResult, sampleRules, { language: "en", toolVersion: "0.1.0" });
  const ja = toSarif(sampleResult, sampleRules, { language: "ja", toolVersion: "0.1.0" });
  const log: Json = JSON.parse(en);
  const run = log.runs[0];

  it("matches the snapshots", async () => {
    await expect(en).toMatchFileSnapshot("__snapshots__/sample.en.sarif");
    await expect(ja).toMatchFileSnapshot("__snapshots__/sample.ja.sarif");
  });

  it("is valid against the SARIF 2.1.0 schema", () => {
    expect(valid(log)).toBe(true);
    expect(valid(JSON.parse(ja))).toBe(true);
    const empty = toSarif({ ...sampleResult, findings: [] }, [], { language: "en", toolVersion: "dev" });
    expect(valid(JSON.parse(empty))).toBe(true);
  });

  it("the schema check is not vacuous", () => {
    const broken = structuredClone(log);
    broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].results[0].level = "fatal";
    broken.runs[0].tool.driver.rule = [];
    expect(validate(broken)).toBe(false);
    expect(validate.errors!.length).toBeGreaterThanOrEqual(3);
  });

  it("names the tool and counts columns in code points", () => {
    expect(log.version).toBe("2.1.0");
    expect(run.tool.driver).toMatchObject({ name: "Mamori", version: "0.1.0", semanticVersion: "0.1.0" });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.columnKind).toBe("unicodeCodePoints");
    expect(run.properties.impact).toEqual(sampleResult.impact);
  });

  it("describes rules with security-severity, precision, tags and remediation in the chosen language", () => {
    const rules: Json[] = run.tool.driver.rules;
    const pat = rules.find((r) => r.id === "github-pat-classic");
    expect(pat.properties["security-severity"]).toBe("9.5");
    expect(pat.properties.tags).toContain("security");
    expect(pat.properties.precision).toBe("high");
    expect(pat.help.text).toContain("Revoke the token");
    expect(pat.helpUri).toMatch(/^https:\/\/docs\.github\.com/);
    const jaPat = JSON.parse(ja).runs[0].tool.driver.rules.find((r: Json) => r.id === "github-pat-classic");
    expect(jaPat.shortDescription.text).toBe("GitHub 個人アクセストークン（クラシック）");
    expect(jaPat.help.text).toContain("無効化");
    const sev = Object.fromEntries(rules.map((r) => [r.id, r.properties["security-severity"]]));
    expect(sev).toMatchObject({ "credit-card-number": "8.0", "phone-jp-mobile": "5.5", "person-kanji-ja": "3.0" });
  });

  it("points every result at a rule by id and index", () => {
    const rules: Json[] = run.tool.driver.rules;
    for (const r of run.results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
    // A rule the caller did not pass still gets a descriptor.
    expect(rules.some((r) => r.id === "acme-internal-id")).toBe(true);
  });

  it("maps severity to level", () => {
    const level = Object.fromEntries(run.results.map((r: Json) => [r.ruleId, r.level]));
    expect(level).toEqual({
      "github-pat-classic": "error",
      "credit-card-number": "error",
      "phone-jp-mobile": "warning",
      "acme-internal-id": "warning",
      "person-kanji-ja": "note",
    });
  });

  it("locates results: encoded relative URIs, code-point regions, archive members on the archive, no region without a line", () => {
    const byRule = Object.fromEntries(run.results.map((r: Json) => [r.ruleId, r]));
    const loc = (id: string) => byRule[id].locations[0].physicalLocation;
    expect(loc("phone-jp-mobile").artifactLocation.uri).toBe("data/%E9%A1%A7%E5%AE%A2%20%E4%B8%80%E8%A6%A7.csv");
    expect(decodeURIComponent(loc("phone-jp-mobile").artifactLocation.uri)).toBe("data/顧客 一覧.csv");
    expect(loc("phone-jp-mobile").region).toEqual({ startLine: 3, startColumn: 7, endLine: 3, endColumn: 20 });
    expect(loc("credit-card-number").artifactLocation.uri).toBe("backup/export.zip");
    expect(loc("credit-card-number").region).toBeUndefined();
    expect(byRule["credit-card-number"].properties).toMatchObject({ innerPath: "2024/cards.csv", innerLine: 2, innerColumn: 15 });
    expect(byRule["credit-card-number"].message.text).toContain("inside backup/export.zip: 2024/cards.csv, line 2");
    expect(loc("acme-internal-id").region).toBeUndefined();
    for (const r of run.results) expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\/|!|:/);
  });

  it("carries fingerprints and only the redacted preview", () => {
    for (const r of run.results) {
      const f = sampleResult.findings.find((x) => x.fingerprint === r.partialFingerprints["mamori/v1"])!;
      expect(f).toBeDefined();
      expect(r.message.text).toContain(f.redacted);
    }
    for (const f of sampleResult.findings) expect(en).not.toContain(f.valueHash);
  });

  it("omits semanticVersion when the version is not semver", () => {
    const dev = JSON.parse(toSarif(sampleResult, sampleRules, { language: "en", toolVersion: "dev" }));
    expect(dev.runs[0].tool.driver.version).toBe("dev");
    expect(dev.runs[0].tool.driver.semanticVersion).toBeUndefined();
  });
});

describe("createSarifWriter (issue 11, item 12: streamed, not one JSON.stringify)", () => {
  it("writes 200,000 results in bounded chunks as they arrive, and the log is valid SARIF", () => {
    const chunks: number[] = [];
    let head = "";
    let beforeEnd = 0;
    const writer = createSarifWriter((s) => {
      chunks.push(s.length);
      if (head.length < 4096) head += s.slice(0, 4096);
    }, sampleRules, { language: "en", toolVersion: "0.1.0", onlyUsedRules: true });
    const one = sampleResult.findings[0];
    for (let i = 0; i < 2000; i++) writer.findings(Array.from({ length: 100 }, (_, k) => ({ ...one, line: i * 100 + k + 1 })));
    beforeEnd = chunks.length;
    writer.end(sampleResult);
    expect(beforeEnd).toBeGreaterThan(100); // results left the process before the end
    expect(Math.max(...chunks)).toBeLessThan(1 << 20); // no chunk near the size of the log
    expect(head).toMatch(/^\{\n {2}"\$schema"/);
  });

  it("a streamed log with only the used rules validates and points each result at its rule", () => {
    let out = "";
    const writer = createSarifWriter((s) => (out += s), sampleRules, { language: "ja", toolVersion: "0.1.0", onlyUsedRules: true });
    writer.findings(sampleResult.findings);
    writer.end(sampleResult);
    const parsed = JSON.parse(out);
    expect(valid(parsed)).toBe(true);
    const rules: Json[] = parsed.runs[0].tool.driver.rules;
    expect(rules.length).toBe(new Set(sampleResult.findings.map((f) => f.ruleId)).size);
    for (const r of parsed.runs[0].results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
  });
});
