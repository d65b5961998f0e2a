import { describe, expect, it } from "vitest";
import { createCsvFieldIndex } from "../../src/decode/csv-field-index.js";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import type { TextUnit } from "../../src/engine/types.js";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { expandTemplate } from "../helpers/expand-template.js";

// Header-driven detection: the PII rules against CSV units with column keys, as decode makes them.
const compiled = compileRules(loadRules().filter((r) => r.category === "pii"));

function csvUnit(path: string, text: string): TextUnit {
  const index = createCsvFieldIndex(text, ",");
  return { path, text, fieldAt: (o) => index.fieldAt(o), records: index.records };
}
function scan(path: string, template: string) {
  const unit = csvUnit(path, expandTemplate(template));
  return { unit, findings: scanUnit(compiled, unit, { salt: "t" }) };
}
const kindsByRecord = (findings: ReturnType<typeof scan>["findings"]) => {
  const out: Record<number, string[]> = {};
  for (const f of findings) (out[f.record ?? -1] ??= []).push(f.kind);
  for (const k of Object.keys(out)) out[Number(k)].sort();
  return out;
};

describe("PII in table columns", () => {
  it("finds names, readings, dates of birth, My Numbers and contact data by their headers", () => {
    const { findings } = scan(
      "customers.csv",
      [
        "id,氏名,フリガナ,生年月日,個人番号,電話番号,メール,郵便番号,住所",
        "1,{{sei}} {{mei}},{{sei-kana}} {{mei-kana}},{{date}},{{mynumber}},090-3{{digits:3}}-{{digits:4}},t{{lower:6}}@gmail.com,43{{nz:1}}-09{{digits:2}},静岡県浜松市中区中央三丁目{{nz:2}}-{{nz:1}}",
        "2,{{sei}}{{mei}},{{sei-kana}} {{mei-kana}},{{date-showa}},,080{{digits:8}},,98{{nz:1}}-0{{digits:3}},仙台市青葉区一番町{{nz:1}}-{{nz:1}}-{{nz:2}}",
      ].join("\n"),
    );
    expect(kindsByRecord(findings)).toEqual({
      0: ["address", "dob", "email", "my-number", "name", "name-kana", "phone", "postal-code"],
      1: ["address", "dob", "name", "name-kana", "phone", "postal-code"],
    });
    expect(findings.every((f) => !f.redacted.includes("{{sei}} {{mei}}"))).toBe(true);
  });

  it("does not take company data for personal data", () => {
    const { findings } = scan(
      "corporations.csv",
      ["法人番号,会社名,本店所在地,代表電話", "1{{mynumber}},{{sei}}商事株式会社,静岡県浜松市中区中央三丁目{{nz:2}}-{{nz:1}},053-4{{digits:2}}-{{digits:4}}"].join("\n"),
    );
    expect(findings).toEqual([]);
  });

  it("does not report 12-digit order numbers or release dates", () => {
    const { findings } = scan("orders.csv", ["order_no,released,amount", "{{mynumber}},{{date}},1200"].join("\n"));
    expect(findings).toEqual([]);
  });

  it("reports special-care values but not なし", () => {
    const { findings } = scan("health.csv", ["社員番号,氏名,既往歴", "E1,{{sei}} {{mei}},{{disease}}", "E2,{{sei}} {{mei}},なし"].join("\n"));
    expect(kindsByRecord(findings)).toEqual({ 0: ["medical", "name"], 1: ["name"] });
  });

  it("skips placeholder rows", () => {
    const { findings } = scan("sample.csv", ["氏名,フリガナ,電話番号,メール", "山田 太郎,ヤマダ タロウ,090-1234-5678,taro@example.com"].join("\n"));
    expect(findings).toEqual([]);
  });

  it("counts one person per row through impact", () => {
    const { unit, findings } = scan(
      "members.csv",
      ["氏名,電話", "{{sei}} {{mei}},090-3{{digits:3}}-{{digits:4}}", "{{sei}} {{mei}},090-4{{digits:3}}-{{digits:4}}", "{{sei}} {{mei}},090-5{{digits:3}}-{{digits:4}}"].join("\n"),
    );
    const impact = assessImpact(findings, { tableRecords: new Map([[unit.path, unit.records!]]) });
    expect(impact.files.map((f) => ({ path: f.path, persons: f.persons }))).toEqual([{ path: "members.csv", persons: 3 }]);
  });

  it("joins a person across files by name and phone, whether written +81 or 0", () => {
    const a = scan("a.csv", ["氏名,電話", "{{sei}} {{mei}},090-3141-{{digits:4}}"].join("\n"));
    const [name, phone] = a.unit.text.split("\n")[1].split(",");
    const b = scan("b.json.csv", ["name,tel", `${name},+81-90-3141-${phone.slice(-4)}`].join("\n"));
    const findings = [...a.findings, ...b.findings];
    const impact = assessImpact(findings, { tableRecords: new Map([["a.csv", 1], ["b.json.csv", 1]]) });
    expect(impact.files.map((f) => f.persons)).toEqual([1, 1]);
    expect(impact.persons).toBe(1);
  });
});
