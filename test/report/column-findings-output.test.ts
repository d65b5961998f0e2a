import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import AjvDraft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { formatCheckRun } from "../../src/report/check-run.js";
import { describeColumn } from "../../src/report/describe-column.js";
import { toHtml } from "../../src/report/to-html.js";
import { toJson } from "../../src/report/to-json.js";
import { toSarif } from "../../src/report/to-sarif.js";
import { toText } from "../../src/report/to-text.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { fakePersons } from "../helpers/fake-person.js";

// The SARIF 2.1.0 schema as in to-sarif.test.ts (draft-04; CommonJS default import).
const Ajv = (AjvDraft04.default ?? AjvDraft04) as typeof AjvDraft04.default;
const require = createRequire(import.meta.url);
const sarifSchema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
const validSarif = new Ajv({ strict: false, logger: false, unicodeRegExp: false, validateFormats: false }).compile(sarifSchema);

// Every output speaks in columns for a table: text, SARIF, JSON, the check run and HTML.
const rules = loadRules();
const rulesById = new Map(rules.map((r) => [r.id, r]));
const enc = new TextEncoder();
const N = 40;
const people = fakePersons(N, 4242);
const csv = ["氏名,電話番号", ...people.map((p) => `${p.sei} ${p.mei},${p.mobile}`)].join("\n") + "\n";
const result = scanFiles([{ path: "exports/customers.csv", bytes: enc.encode(csv) }], configSchema.parse({}), {
  rules,
  fingerprintKey: enc.encode("output test key"),
  cells: "none",
});
const columns = result.findings.filter((f) => f.unit === "column");

describe("column findings in every output", () => {
  it("the scan gives two column findings and no cells, and 40 persons", () => {
    expect(result.findings).toHaveLength(2);
    expect(columns.map((f) => [f.kind, f.count, f.firstLine, f.lastLine, f.sampleLines])).toEqual([
      ["name", N, 2, N + 1, [2, 3, 4, 5, 6]],
      ["phone", N, 2, N + 1, [2, 3, 4, 5, 6]],
    ]);
    expect(result.impact.persons).toBe(N);
  });

  it("describes a column in English and Japanese", () => {
    const phone = columns.find((f) => f.kind === "phone")!;
    expect(describeColumn(phone, "en")).toBe(`column 電話番号: ${N} phone numbers, rows 2–${N + 1} (sample rows 2, 3, 4, 5, 6)`);
    expect(describeColumn(phone, "ja")).toBe(`列「電話番号」: 電話番号 ${N} 件、2〜${N + 1} 行（例: 2, 3, 4, 5, 6 行）`);
    expect(describeColumn({ ...phone, count: 1, firstLine: 7, lastLine: 7, sampleLines: [7] }, "en")).toBe("column 電話番号: 1 phone number, row 7 (sample rows 7)");
  });

  it("text: one line per column with its count, rows and a redacted sample", () => {
    const text = toText(result, { language: "en", color: false, rulesById });
    const lines = text.split("\n").filter((l) => l.startsWith("  exports/customers.csv:2 "));
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).toContain(`column 電話番号: ${N} phone numbers, rows 2–${N + 1}`);
    expect(lines.join("\n")).toMatch(/sample 090-\*\*\*\*-\d{4}|sample 0[789]0-\*\*\*\*-\d{4}/);
    for (const p of people) expect(text).not.toContain(p.mobile);
  });

  it("SARIF: one result per column on its first row, sample rows as related locations", () => {
    const log = JSON.parse(toSarif(result, rules, { language: "en", toolVersion: "1.0.0" }));
    expect(validSarif(log), JSON.stringify(validSarif.errors)).toBe(true);
    const results = log.runs[0].results;
    expect(results).toHaveLength(2);
    const phone = results.find((r: { properties: { kind: string } }) => r.properties.kind === "phone");
    expect(phone.locations[0].physicalLocation.region).toEqual({ startLine: 2, endLine: 2 });
    expect(phone.relatedLocations.map((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine)).toEqual([2, 3, 4, 5, 6]);
    expect(phone.properties).toMatchObject({ unit: "column", column: "電話番号", count: N, firstLine: 2, lastLine: N + 1 });
    expect(phone.message.text).toContain(`${N} phone numbers`);
    expect(phone.partialFingerprints["mamori/v1"]).toMatch(/^phone-column:exports\/customers\.csv:[0-9a-f]{20}$/);
  });

  it("JSON: unit, count, first and last line and sample lines", () => {
    const json = JSON.parse(toJson(result));
    expect(json.findings.map((f: Record<string, unknown>) => [f.unit, f.key, f.kind, f.count, f.line, f.firstLine, f.lastLine, f.sampleLines])).toEqual([
      ["column", "氏名", "name", N, 2, 2, N + 1, [2, 3, 4, 5, 6]],
      ["column", "電話番号", "phone", N, 2, 2, N + 1, [2, 3, 4, 5, 6]],
    ]);
    expect(json.impact.persons).toBe(N);
    expect(JSON.stringify(json)).not.toContain("valueHash");
  });

  it("check run: one annotation per column on its first row, and a summary table of the columns", () => {
    const report = formatCheckRun({
      findings: result.findings,
      impact: result.impact,
      stats: result.stats,
      config: { language: "en", failOn: "high", pii: { failOnPersons: 3 } },
      rulesById,
      scope: { kind: "pull_request", commits: 1, defaultBranch: false },
    });
    expect(report.annotations).toHaveLength(2);
    for (const a of report.annotations) {
      expect(a).toMatchObject({ path: "exports/customers.csv", start_line: 2, end_line: 2 });
      expect(a.message).toContain(`${N} `);
      expect(a.message).toContain("this column");
    }
    expect(report.summary).toContain("| Column | Kind | Cells | Rows |");
    expect(report.summary).toContain(`| 電話番号 | phone numbers | ${N} | 2–${N + 1} |`);
    expect(report.title).toContain(`${N} persons`);
    for (const p of people) expect(report.summary + JSON.stringify(report.annotations)).not.toContain(p.mobile);
  });

  it("HTML: the column's count and rows beside its redacted sample", () => {
    const html = toHtml(result, { language: "en", toolVersion: "1.0.0", rulesById });
    expect(html).toContain(`column 電話番号: ${N} phone numbers, rows 2–${N + 1}`);
    for (const p of people) expect(html).not.toContain(p.mobile);
  });
});
