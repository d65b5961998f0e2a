import Encoding from "encoding-japanese";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { toPpcDraft } from "../../src/report/to-ppc.js";
import { expandTemplate } from "../helpers/expand-template.js";

/** A Shift_JIS customer export: 120 rows with name, reading, phone, e-mail and My Number, built at test time. */
function customerExport() {
  const lines = ["顧客番号,氏名,フリガナ,電話番号,メールアドレス,マイナンバー"];
  const values: string[] = [];
  for (let i = 1; i <= 120; i++) {
    const row = expandTemplate(`C${1000 + i},{{sei}} {{mei}},{{sei-kana}} {{mei-kana}},{{mobile}},u${i}.{{lower:6}}@example.jp,{{mynumber}}`);
    lines.push(row);
    values.push(...row.split(",").slice(1));
  }
  const text = lines.join("\r\n") + "\r\n";
  return { bytes: Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" })), values };
}

describe("toPpcDraft", () => {
  const { bytes, values } = customerExport();
  const config = configSchema.parse({});
  const result = scanFiles([{ path: "exports/顧客一覧.csv", bytes }], config, {
    rules: loadRules(),
    publicRepository: false,
    knownAt: new Date("2026-12-03T10:00:00+09:00"),
  });
  const input = {
    impact: result.impact,
    files: result.impact.files.map((f) => f.path),
    stats: result.stats,
    repository: "https://github.example/acme/shop",
    publicRepository: false,
    sources: [{ path: "exports/顧客一覧.csv", commit: "0123456789abcdef0123456789abcdef01234567", author: "Dev Example", date: "2026-11-20T15:04:05+09:00" }],
    generatedAt: new Date("2026-12-03T01:00:00Z"),
    toolVersion: "0.0.0-test",
  };

  it("assesses the export: 120 persons with My Numbers, report required (more than 100 My Numbers)", () => {
    expect(result.impact.persons).toBe(120);
    expect(result.impact.appi.triggers).toContain("my-number-over-100");
    expect(result.impact.appi.dates).toMatchObject({ known: "2026-12-03", final: "2027-01-04", finalUnlawfulIntent: "2027-02-01" });
  });

  it("drafts the report in Japanese with an English version (snapshot)", () => {
    const ja = toPpcDraft(input, "ja");
    expect(ja.indexOf("# 個人データの漏えい等報告（下書き）")).toBe(0);
    expect(ja).toContain("# Draft: report of a personal data leak to the PPC");
    expect(ja).toMatchSnapshot();
  });

  it("drafts it in English first with --lang en (snapshot)", () => {
    const en = toPpcDraft(input, "en");
    expect(en.indexOf("# Draft: report of a personal data leak to the PPC")).toBe(0);
    expect(en).toMatchSnapshot();
  });

  it("holds every item of the report form and the calendar deadlines", () => {
    const ja = toPpcDraft(input, "ja");
    for (const heading of ["## 1. 概要", "## 2. 漏えい等が発生し", "## 3. 本人の数", "## 4. 原因", "## 5. 二次被害", "## 6. 本人への対応", "## 7. 公表", "## 8. 再発防止", "## 9. その他"]) {
      expect(ja).toContain(heading);
    }
    expect(ja).toContain("**2027-01-04** まで");
    expect(ja).toContain("2026-12-05〜2026-12-07");
    expect(ja).toContain("【要記入】");
    expect(ja).toContain("`0123456789ab`");
  });

  it("contains no detected value", () => {
    const draft = toPpcDraft(input, "ja") + toPpcDraft(input, "en");
    expect(values.length).toBe(120 * 5);
    for (const v of values) expect(draft).not.toContain(v.trim());
  });

  it("says when no report is required and leaves the dates blank without a known date", () => {
    const small = scanFiles([{ path: "a.csv", bytes: new TextEncoder().encode(`氏名,電話番号\n${expandTemplate("{{sei}} {{mei}},{{mobile}}")}\n`) }], config, { rules: loadRules() });
    const draft = toPpcDraft({ ...input, impact: small.impact, files: ["a.csv"], sources: [] }, "en");
    expect(draft).toContain("By what was found, no report is required");
    expect(draft).toContain("Became known: [TO FILL IN]");
  });
});
