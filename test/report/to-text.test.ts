import { describe, expect, it } from "vitest";
import { toText } from "../../src/report/to-text.js";
import { sampleResult, sampleRules } from "./fixtures/sample-result.js";

const rulesById = new Map(sampleRules.map((r) => [r.id, r]));
const ANSI = /\u001b\[[0-9;]*m/;

describe("toText", () => {
  const en = toText(sampleResult, { language: "en", color: false, rulesById });
  const ja = toText(sampleResult, { language: "ja", color: false, rulesById });
  const colored = toText(sampleResult, { language: "en", color: true, rulesById });

  it("matches the snapshots", async () => {
    await expect(en).toMatchFileSnapshot("__snapshots__/sample.en.txt");
    await expect(ja).toMatchFileSnapshot("__snapshots__/sample.ja.txt");
    await expect(colored).toMatchFileSnapshot("__snapshots__/sample.color.txt");
  });

  it("prints one line per finding: path:line:col, severity, rule id, title, preview", () => {
    const line = en.split("\n").find((l) => l.includes("github-pat-classic") && l.includes("config/settings.ts:12:18"))!;
    expect(line).toMatch(/^ {2}config\/settings\.ts:12:18 {2}CRITICAL {2}github-pat-classic {2}GitHub personal access token \(classic\) {2}ghp_\*\*\*\*…Qz81/);
    expect(ja).toContain("携帯電話番号");
    expect(ja).toMatch(/data\/顧客 一覧\.csv:3:7 +中 +phone-jp-mobile +携帯電話番号 +090-\*\*\*\*-5678/);
  });

  it("groups by file in path order, with a header per file", () => {
    const headers = en.split("\n").filter((l) => l.length > 0 && !l.startsWith(" ") && /^[a-z]/.test(l));
    expect(headers.slice(0, 4)).toEqual(["backup/export.zip!2024/cards.csv", "config/settings.ts", "data/顧客 一覧.csv", "reports/staff.xlsx"]);
  });

  it("aligns the columns of a file's findings, also with Japanese titles", () => {
    const rows = ja.split("\n").filter((l) => l.startsWith("  data/顧客 一覧.csv:3:"));
    expect(rows).toHaveLength(2);
    // The previews start at the same terminal column: pad widths count wide characters as two.
    const width = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    const starts = rows.map((r) => width(r.slice(0, r.search(/佐藤|090-/))));
    expect(starts[0]).toBe(starts[1]);
  });

  it("summarises by severity and category, in both languages", () => {
    expect(en).toContain("✖ 5 findings in 4 files — CRITICAL 1 · HIGH 1 · MEDIUM 2 · LOW 1 — credential 1 · personal data 4");
    expect(ja).toContain("✖ 4 ファイルで 5 件を検出 — 重大 1 · 高 1 · 中 2 · 低 1 — 認証情報 1 · 個人情報 4");
  });

  it("prints the impact block and how to suppress", () => {
    expect(en).toContain("Persons exposed: 3");
    expect(en).toContain("Report to the PPC and notice to the persons: required");
    expect(ja).toContain("個人情報保護委員会への報告と本人への通知: 必要");
    expect(ja).toContain("本人 3 人");
    expect(en).toContain("mamori:ignore <rule-id>");
    expect(en).toContain(".mamoriignore");
    for (const f of sampleResult.findings) expect(en).toContain(`      ${f.fingerprint}  # `);
  });

  it("uses colour only when asked", () => {
    expect(en).not.toMatch(ANSI);
    expect(ja).not.toMatch(ANSI);
    expect(colored).toMatch(ANSI);
    expect(colored.replace(/\u001b\[[0-9;]*m/g, "")).toBe(en);
  });

  it("works without rule titles", () => {
    const bare = toText(sampleResult, { language: "en", color: false });
    expect(bare).toMatch(/config\/settings\.ts:12:18 {2}CRITICAL {2}github-pat-classic {2}ghp_/);
  });

  it("says so when there is nothing, without an impact block or suppression hint", () => {
    const clean = toText({ ...sampleResult, findings: [] }, { language: "en", color: false });
    expect(clean).toContain("✔ No findings");
    expect(clean).toContain("Scanned 42 files");
    expect(clean).not.toContain("Impact");
    expect(clean).not.toContain(".mamoriignore");
    expect(toText({ ...sampleResult, findings: [] }, { language: "ja", color: false })).toContain("✔ 検出はありません");
  });

  it("caps the findings listed per file, not the counts", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...sampleResult.findings[0], line: i + 1, fingerprint: `fp${i}` }));
    const out = toText({ ...sampleResult, findings: many }, { language: "en", color: false });
    expect(out.split("\n").filter((l) => l.startsWith("  data/顧客 一覧.csv:"))).toHaveLength(20);
    expect(out).toContain("  … 10 more in this file (all of them: --format json)");
    expect(out).toContain("✖ 30 findings in 1 file");
    const all = toText({ ...sampleResult, findings: many }, { language: "ja", color: false, maxPerFile: Infinity });
    expect(all.split("\n").filter((l) => l.startsWith("  data/顧客 一覧.csv:"))).toHaveLength(30);
    expect(toText({ ...sampleResult, findings: many }, { language: "ja", color: false, maxPerFile: 5 })).toContain("このファイルにあと 25 件");
  });

  it("groups a worksheet's cells under the sheet, by row", () => {
    const cell = (ref: string, row: number) => ({ ...sampleResult.findings[0], path: `book.xlsx!顧客!${ref}`, line: row, column: 2, fingerprint: `fp-${ref}` });
    const out = toText({ ...sampleResult, findings: [cell("B10", 10), cell("B2", 2), cell("B9", 9)] }, { language: "en", color: false });
    const lines = out.split("\n");
    expect(lines.filter((l) => l === "book.xlsx!顧客")).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("  book.xlsx!")).map((l) => l.trim().split(" ")[0])).toEqual([
      "book.xlsx!顧客!B2:2:2",
      "book.xlsx!顧客!B9:9:2",
      "book.xlsx!顧客!B10:10:2",
    ]);
    expect(out).toContain("✖ 3 findings in 1 file");
  });

  it("shortens long titles", () => {
    const long = new Map([...rulesById].map(([id, r]) => [id, { ...r, title: { en: "x".repeat(60), ja: "長".repeat(30) } }]));
    const en = toText(sampleResult, { language: "en", color: false, rulesById: long });
    expect(en).toContain(`${"x".repeat(39)}…`);
    expect(en).not.toContain("x".repeat(40));
    const ja = toText(sampleResult, { language: "ja", color: false, rulesById: long });
    expect(ja).toContain(`${"長".repeat(19)}…`);
    expect(ja).not.toContain("長".repeat(20));
  });

  it("caps the fingerprint list", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...sampleResult.findings[0], line: i + 1, fingerprint: `fp${i}` }));
    const out = toText({ ...sampleResult, findings: many }, { language: "en", color: false });
    expect(out).toContain("… 5 more");
    expect(out).not.toContain("fp24  #");
  });
});
