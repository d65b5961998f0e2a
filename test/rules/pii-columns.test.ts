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
        "1,谷口 紬,タニグチ ツムギ,1987-11-03,{{mynumber}},090-3{{digits:3}}-{{digits:4}},t{{lower:6}}@gmail.com,430-0929,静岡県浜松市中区中央三丁目12-9",
        "2,濱田蒼真,ハマダ ソウマ,昭和55年2月1日,,080{{digits:8}},,980-0811,仙台市青葉区一番町4-1-25",
      ].join("\n"),
    );
    expect(kindsByRecord(findings)).toEqual({
      0: ["address", "dob", "email", "my-number", "name", "name-kana", "phone", "postal-code"],
      1: ["address", "dob", "name", "name-kana", "phone", "postal-code"],
    });
    expect(findings.every((f) => !f.redacted.includes("谷口 紬"))).toBe(true);
  });

  it("does not take company data for personal data", () => {
    const { findings } = scan(
      "corporations.csv",
      ["法人番号,会社名,本店所在地,代表電話", "1{{mynumber}},谷口商事株式会社,静岡県浜松市中区中央三丁目12-9,053-4{{digits:2}}-{{digits:4}}"].join("\n"),
    );
    expect(findings).toEqual([]);
  });

  it("does not report 12-digit order numbers or release dates", () => {
    const { findings } = scan("orders.csv", ["order_no,released,amount", "{{mynumber}},1987-11-03,1200"].join("\n"));
    expect(findings).toEqual([]);
  });

  it("reports special-care values but not なし", () => {
    const { findings } = scan("health.csv", ["社員番号,氏名,既往歴", "E1,谷口 紬,気管支喘息", "E2,濱田 蒼真,なし"].join("\n"));
    expect(kindsByRecord(findings)).toEqual({ 0: ["medical", "name"], 1: ["name"] });
  });

  it("skips placeholder rows", () => {
    const { findings } = scan("sample.csv", ["氏名,フリガナ,電話番号,メール", "山田 太郎,ヤマダ タロウ,090-1234-5678,taro@example.com"].join("\n"));
    expect(findings).toEqual([]);
  });

  it("counts one person per row through impact", () => {
    const { unit, findings } = scan(
      "members.csv",
      ["氏名,電話", "谷口 紬,090-3{{digits:3}}-{{digits:4}}", "濱田 蒼真,090-4{{digits:3}}-{{digits:4}}", "長谷川 陽,090-5{{digits:3}}-{{digits:4}}"].join("\n"),
    );
    const impact = assessImpact(findings, { tableRecords: new Map([[unit.path, unit.records!]]) });
    expect(impact.files).toEqual([{ path: "members.csv", persons: 3 }]);
  });

  it("joins a person across files by phone, whether written +81 or 0", () => {
    const a = scan("a.csv", ["氏名,電話", "谷口 紬,090-3141-{{digits:4}}"].join("\n"));
    const digits = a.unit.text.split("\n")[1].slice(-4);
    const b = scan("b.json.csv", ["name,tel", `濱田 蒼真,+81-90-3141-${digits}`].join("\n"));
    const findings = [...a.findings, ...b.findings];
    const impact = assessImpact(findings, { tableRecords: new Map([["a.csv", 1], ["b.json.csv", 1]]) });
    expect(impact.files.map((f) => f.persons)).toEqual([1, 1]);
    expect(impact.persons).toBe(1);
  });
});
