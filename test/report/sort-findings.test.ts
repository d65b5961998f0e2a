import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { sortFindings } from "../../src/report/sort-findings.js";

const base: Finding = {
  ruleId: "r-a",
  category: "pii",
  kind: "phone",
  severity: "low",
  confidence: "low",
  path: "a",
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  redacted: "****",
  fingerprint: "f0",
  valueHash: "h0",
  tags: [],
};

describe("sortFindings", () => {
  it.each([
    ["path before line", { path: "a", line: 9 }, { path: "b", line: 1 }],
    ["line before column", { line: 2, column: 9 }, { line: 10, column: 1 }],
    ["numeric, not lexical lines", { line: 9 }, { line: 10 }],
    ["column before rule", { column: 3, ruleId: "z-z" }, { column: 4, ruleId: "a-a" }],
    ["rule id last", { ruleId: "a-b" }, { ruleId: "b-a" }],
    ["null line first", { line: null, column: null }, { line: 1 }],
    ["code-unit order of paths", { path: "B.txt" }, { path: "a.txt" }],
    ["fingerprint breaks ties", { fingerprint: "f1" }, { fingerprint: "f2" }],
  ] as [string, Partial<Finding>, Partial<Finding>][])("%s", (_, first, second) => {
    const a = { ...base, ...first };
    const b = { ...base, ...second };
    expect(sortFindings([b, a])).toEqual([a, b]);
    expect(sortFindings([a, b])).toEqual([a, b]);
  });

  it("returns a new array", () => {
    const xs = [base];
    expect(sortFindings(xs)).not.toBe(xs);
  });
});
