import { describe, expect, it } from "vitest";
import type { Impact } from "../../src/impact/types.js";
import { formatImpact } from "../../src/report/format-impact.js";
import { sampleResult } from "./fixtures/sample-result.js";

const none: Impact = {
  persons: 0,
  files: [],
  kinds: [],
  sensitive: false,
  financial: false,
  myNumber: false,
  appi: { reportRequired: false, triggers: [], deadlines: null },
  estimate: { currency: "JPY", low: 0, high: 0, basis: "" },
  secrets: 2,
};

describe("formatImpact", () => {
  it("describes a reportable leak in both languages", () => {
    const en = formatImpact(sampleResult.impact, "en");
    const ja = formatImpact(sampleResult.impact, "ja");
    expect(en.split("\n")[0]).toBe("Impact");
    expect(en).toContain("Persons exposed: 3 (data/顧客 一覧.csv 2, backup/export.zip!2024/cards.csv 1)");
    expect(en).toContain("Report to the PPC (APPI): required (data whose misuse can cause financial damage)");
    expect(en).toContain("preliminary: 3–5 days · final: 30 days");
    expect(en).toContain("Estimated cost: ¥10,500 – ¥18,000");
    expect(ja.split("\n")[0]).toBe("影響");
    expect(ja).toContain("情報の種類: 氏名、電話番号、クレジットカード番号");
    expect(ja).toContain("個人情報保護委員会への報告: 必要（財産的被害が生じるおそれのある情報を含む）");
  });

  it("says when no report is required and leaves out an empty estimate", () => {
    const en = formatImpact(none, "en");
    expect(en).toContain("not required");
    expect(en).not.toContain("Estimated cost");
    expect(en).toContain("Credentials: 2");
    expect(formatImpact(none, "ja")).toContain("認証情報: 2 件");
  });

  it("lists the five files with most persons, then a count", () => {
    const files = Array.from({ length: 8 }, (_, i) => ({ path: `f${i}.csv`, persons: i + 1 }));
    const en = formatImpact({ ...none, persons: 36, files }, "en");
    expect(en).toContain("Persons exposed: 36 (f7.csv 8, f6.csv 7, f5.csv 6, f4.csv 5, f3.csv 4, 3 more files)");
  });

  it("keeps unknown kinds and triggers readable", () => {
    const ja = formatImpact(
      { ...none, kinds: ["blood-type"], appi: { reportRequired: true, triggers: ["new-trigger"], deadlines: null } },
      "ja",
    );
    expect(ja).toContain("blood-type");
    expect(ja).toContain("new-trigger");
  });
});
