import { describe, expect, it } from "vitest";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { describeImpact } from "../../src/impact/describe-impact.js";
import { finding } from "./helpers.js";

const table = (n: number) =>
  Array.from({ length: n }, (_, r) => [
    finding({ path: "customers.csv", kind: "name", record: r, valueHash: `n${r}` }),
    finding({ path: "customers.csv", kind: "address", record: r, valueHash: `a${r}` }),
    finding({ path: "customers.csv", kind: "phone", record: r, valueHash: `p${r}` }),
  ]).flat();

describe("describeImpact", () => {
  const impact = assessImpact(table(1204), { tableRecords: new Map([["customers.csv", 1204]]) });

  it("writes the English headline of the design", () => {
    expect(describeImpact(impact, "en").headline).toBe("1,204 persons · names, addresses, phone numbers · PPC report required (more than 1,000 persons)");
  });

  it("writes the Japanese headline", () => {
    expect(describeImpact(impact, "ja").headline).toBe("本人 1,204 人 · 氏名、住所、電話番号 · 個人情報保護委員会への報告が必要（本人の数が1,000人を超える）");
  });

  it.each(["en", "ja"] as const)("lists files, kinds, deadlines, the estimate and the steps (%s)", (lang) => {
    const { lines } = describeImpact(impact, lang);
    const text = lines.join("\n");
    expect(text).toContain("customers.csv: 1,204");
    expect(text).toMatch(lang === "en" ? /Deadlines: .*3–5 days.*30 days.*60 days/ : /速報.*3〜5日.*確報は30日以内.*60日以内/);
    expect(text).toMatch(lang === "en" ? /Court-award band: ¥4,214,000 – ¥7,224,000 \(estimate/ : /裁判例による目安: ¥4,214,000 〜 ¥7,224,000/);
    // JNSA: name + address + phone → 500 × (1 + 1) × 6 = ¥6,000 per person.
    expect(text).toMatch(lang === "en" ? /Assumed damages \(JNSA model, an estimate\): ¥7,224,000/ : /想定損害賠償額（JNSA 算定式による推計）: ¥7,224,000/);
    expect(text).toMatch(lang === "en" ? /names, addresses, phone numbers: 1,204 × ¥6,000/ : /氏名、住所、電話番号: 1,204 人 × ¥6,000/);
    expect(lines.filter((l) => /^ {2}\d\. /.test(l))).toHaveLength(5);
  });

  it.each(["en", "ja"] as const)("gives calendar dates when the day of knowledge is known (%s)", (lang) => {
    const dated = assessImpact(table(1204), { tableRecords: new Map([["customers.csv", 1204]]), knownAt: new Date("2026-12-03T09:00:00+09:00") });
    const text = describeImpact(dated, lang).lines.join("\n");
    expect(text).toMatch(lang === "en" ? /preliminary report around 2026-12-05 – 2026-12-07, final report by 2027-01-04 \(by 2027-02-01/ : /速報 2026-12-05〜2026-12-07 ごろ、確報 2027-01-04 まで（不正の目的のおそれがある場合は 2027-02-01 まで）/);
  });

  it("says when nothing personal was found, and counts credentials", () => {
    const impact = assessImpact([finding({ path: ".env", kind: "aws-access-key", category: "secret" })]);
    expect(describeImpact(impact, "en").headline).toBe("no personal information found · 1 credential");
    expect(describeImpact(impact, "ja").headline).toBe("個人情報は検出されませんでした · 認証情報 1 件");
  });

  it("says no PPC report is required for a small contact list", () => {
    const small = assessImpact(table(3), { tableRecords: new Map([["customers.csv", 3]]) });
    expect(describeImpact(small, "en").headline).toBe("3 persons · names, addresses, phone numbers · no PPC report required by what was found");
  });

  it("lists no response steps when the data never reached a shared branch", () => {
    const early = assessImpact(table(2), { tableRecords: new Map([["customers.csv", 2]]), reachedSharedBranch: false });
    expect(early.steps).toEqual([]);
    expect(describeImpact(early, "en").lines.some((l) => /Response steps/.test(l))).toBe(false);
  });
});
