import { describe, expect, it } from "vitest";
import { toJson } from "../../src/report/to-json.js";
import { sampleResult } from "./fixtures/sample-result.js";

const CONTRACT_FIELDS = [
  "ruleId",
  "category",
  "kind",
  "severity",
  "path",
  "line",
  "column",
  "endLine",
  "endColumn",
  "redacted",
  "fingerprint",
];

describe("toJson", () => {
  const out = toJson(sampleResult);
  const parsed = JSON.parse(out);

  it("matches the snapshot", async () => {
    await expect(out).toMatchFileSnapshot("__snapshots__/sample.json");
  });

  it("has exactly the contract's top-level blocks", () => {
    expect(Object.keys(parsed)).toEqual(["findings", "impact", "stats"]);
    expect(Object.keys(parsed.stats)).toEqual(["files", "bytes", "skipped", "incomplete", "durationMs"]);
    expect(Object.keys(parsed.impact).slice(0, 8)).toEqual([
      "persons",
      "files",
      "kinds",
      "sensitive",
      "financial",
      "myNumber",
      "appi",
      "estimate",
    ]);
    expect(Object.keys(parsed.impact.appi)).toEqual(["reportRequired", "triggers", "deadlines"]);
  });

  it("gives every finding every contract field first, in contract order, and never valueHash", () => {
    for (const f of parsed.findings) {
      for (const k of CONTRACT_FIELDS) expect(f).toHaveProperty(k);
      expect(f).not.toHaveProperty("valueHash");
      expect(Object.keys(f).slice(0, CONTRACT_FIELDS.length)).toEqual(CONTRACT_FIELDS);
    }
    expect(out).not.toContain("valueHash");
    for (const f of sampleResult.findings) expect(out).not.toContain(f.valueHash);
  });

  it("sorts findings by path, line, column, rule id", () => {
    expect(parsed.findings.map((f: { path: string; line: number | null; column: number | null }) => `${f.path}:${f.line}:${f.column}`)).toEqual([
      "backup/export.zip!2024/cards.csv:2:15",
      "config/settings.ts:12:18",
      "data/顧客 一覧.csv:3:1",
      "data/顧客 一覧.csv:3:7",
      "reports/staff.xlsx:null:null",
    ]);
  });

  it("does not depend on the input order and does not mutate the input", () => {
    const before = sampleResult.findings.map((f) => f.fingerprint);
    const reversed = { ...sampleResult, findings: [...sampleResult.findings].reverse() };
    expect(toJson(reversed)).toBe(out);
    expect(sampleResult.findings.map((f) => f.fingerprint)).toEqual(before);
  });

  it("writes an empty scan", () => {
    const empty = JSON.parse(toJson({ ...sampleResult, findings: [] }));
    expect(empty.findings).toEqual([]);
  });
});
