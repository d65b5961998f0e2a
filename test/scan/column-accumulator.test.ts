import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { ColumnAccumulator, isColumnCell, SAMPLE_LINES, SMALL_COLUMN_CELLS } from "../../src/scan/column-accumulator.js";

const key = new TextEncoder().encode("column accumulator test key");

/** A cell finding as the engine gives it (the preview is already redacted; no raw value anywhere). */
function cell(line: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: "jp-name-column",
    category: "pii",
    kind: "name",
    severity: "high",
    confidence: "high",
    path: "customers.csv",
    line,
    column: 3,
    endLine: line,
    endColumn: 8,
    redacted: `田${line} **`,
    fingerprint: `jp-name-column:customers.csv:${line}`,
    valueHash: createHash("sha256").update(String(line)).digest("hex").slice(0, 20),
    record: line - 2,
    key: "氏名",
    tags: [],
    ...over,
  };
}

describe("ColumnAccumulator", () => {
  it("folds a column's cells into one finding: count, first and last line, 5 sample lines, the first preview", () => {
    const acc = new ColumnAccumulator({ salt: "s", key });
    for (let line = 2; line <= 101; line++) expect(acc.add(cell(line), "customers.csv")).toBe("held");
    const out = acc.flush();
    expect(out).toHaveLength(1);
    const col = out[0]!;
    expect(col).toMatchObject({
      unit: "column",
      ruleId: "jp-name-column",
      category: "pii",
      kind: "name",
      path: "customers.csv",
      key: "氏名",
      count: 100,
      line: 2,
      firstLine: 2,
      lastLine: 101,
      sampleLines: [2, 3, 4, 5, 6],
      redacted: "田2 **",
      column: null,
    });
    expect(col.sampleLines).toHaveLength(SAMPLE_LINES);
    expect(col.fingerprint).toBe(acc.fingerprintOf("customers.csv", "氏名", "name"));
    expect(col.fingerprint.startsWith("name-column:customers.csv:")).toBe(true);
    // Flushed columns are forgotten.
    expect(acc.size).toBe(0);
    expect(acc.flush()).toEqual([]);
  });

  it("keeps one finding per (table, column key, kind), in table order", () => {
    const acc = new ColumnAccumulator({ salt: "s", key });
    for (let line = 2; line <= 4; line++) {
      acc.add(cell(line, { kind: "phone", ruleId: "jp-phone", key: "電話番号" }), "customers.csv");
      acc.add(cell(line), "customers.csv");
      acc.add(cell(line + 10, { path: "other.csv" }), "other.csv");
    }
    // A second kind in the same column (a phone written in the name column) is a column finding of its own.
    acc.add(cell(9, { kind: "phone", ruleId: "jp-phone" }), "customers.csv");
    const out = acc.flush();
    expect(out.map((f) => [f.path, f.key, f.kind, f.count, f.firstLine])).toEqual([
      ["customers.csv", "氏名", "name", 3, 2],
      ["customers.csv", "電話番号", "phone", 3, 2],
      ["customers.csv", "氏名", "phone", 1, 9],
      ["other.csv", "氏名", "name", 3, 12],
    ]);
    expect(new Set(out.map((f) => f.fingerprint)).size).toBe(4);
  });

  it("holds O(columns) state: 100,000 cells of one column stay one column without their cells", () => {
    const acc = new ColumnAccumulator({ salt: "s", key, cells: "small" });
    for (let line = 2; line < 100_002; line++) acc.add(cell(line), "big.csv");
    const out = acc.flush();
    expect(out).toHaveLength(1); // past SMALL_COLUMN_CELLS the cells are dropped, the column stays
    expect(out[0]).toMatchObject({ count: 100_000, firstLine: 2, lastLine: 100_001 });
  });

  it("with cells 'small' reports a column's cells after it while it has at most SMALL_COLUMN_CELLS of them", () => {
    const acc = new ColumnAccumulator({ salt: "s", key, cells: "small" });
    for (let line = 2; line < 2 + SMALL_COLUMN_CELLS; line++) acc.add(cell(line), "t.csv");
    for (let line = 2; line < 3 + SMALL_COLUMN_CELLS; line++) acc.add(cell(line, { key: "カナ", kind: "name-kana" }), "t.csv");
    const out = acc.flush();
    const nameCells = out.filter((f) => f.unit === undefined && f.kind === "name");
    const kanaCells = out.filter((f) => f.unit === undefined && f.kind === "name-kana");
    expect(nameCells).toHaveLength(SMALL_COLUMN_CELLS);
    expect(kanaCells).toHaveLength(0);
    expect(out.filter((f) => f.unit === "column").map((f) => [f.kind, f.count])).toEqual([
      ["name-kana", SMALL_COLUMN_CELLS + 1], // same first line: by key, カナ before 氏名
      ["name", SMALL_COLUMN_CELLS],
    ]);
    expect(out.findIndex((f) => f.unit === undefined)).toBe(2); // each column first, then its cells
  });

  it("with cells 'all' asks the caller to report each cell, and 'none' keeps none", () => {
    const all = new ColumnAccumulator({ salt: "s", key, cells: "all" });
    expect(all.add(cell(2), "t.csv")).toBe("emit");
    expect(all.flush()).toHaveLength(1);
    const none = new ColumnAccumulator({ salt: "s", key, cells: "none" });
    expect(none.add(cell(2), "t.csv")).toBe("held");
    expect(none.flush().map((f) => f.unit)).toEqual(["column"]);
  });

  it("drops every cell of an accepted column (.mamoriignore / allow fingerprint of path + key + kind)", () => {
    const probe = new ColumnAccumulator({ salt: "s", key });
    const fp = probe.fingerprintOf("t.csv", "氏名", "name");
    const acc = new ColumnAccumulator({ salt: "s", key, ignored: new Set([fp]) });
    expect(acc.add(cell(2), "t.csv")).toBe("ignored");
    expect(acc.add(cell(3, { kind: "phone" }), "t.csv")).toBe("held");
    expect(acc.flush().map((f) => f.kind)).toEqual(["phone"]);
  });

  it("fingerprints a column by path, key and kind under the fingerprint key, not by its rows", () => {
    const a = new ColumnAccumulator({ salt: "s", key });
    const b = new ColumnAccumulator({ salt: "s", key: new TextEncoder().encode("another key") });
    expect(a.fingerprintOf("t.csv", "氏名", "name")).toBe(new ColumnAccumulator({ salt: "s", key }).fingerprintOf("t.csv", "氏名", "name"));
    expect(a.fingerprintOf("t.csv", "氏名", "name")).not.toBe(b.fingerprintOf("t.csv", "氏名", "name"));
    expect(a.fingerprintOf("t.csv", "氏名", "name")).not.toBe(a.fingerprintOf("u.csv", "氏名", "name"));
    expect(a.fingerprintOf("t.csv", "氏名", "name")).not.toBe(a.fingerprintOf("t.csv", "名前", "name"));
    expect(a.fingerprintOf("t.csv", "氏名", "name")).not.toBe(a.fingerprintOf("t.csv", "氏名", "name-kana"));
  });

  it("gives a column the same value hash for the same values in any order, another one when a row is added", () => {
    const hashOf = (lines: number[]) => {
      const acc = new ColumnAccumulator({ salt: "s", key });
      for (const l of lines) acc.add(cell(l), "t.csv");
      return acc.flush()[0]!.valueHash;
    };
    expect(hashOf([2, 3, 4])).toBe(hashOf([4, 2, 3]));
    expect(hashOf([2, 3, 4])).not.toBe(hashOf([2, 3, 4, 5]));
  });

  it("takes the highest severity and confidence, the most frequent rule, every tag and the commit", () => {
    const acc = new ColumnAccumulator({ salt: "s", key });
    acc.add(cell(2, { severity: "medium", confidence: "medium", ruleId: "a-rule" }), "t.csv");
    acc.add(cell(3, { ruleId: "b-rule", tags: ["sensitive"], commit: "c0ffee" }), "t.csv");
    acc.add(cell(4, { ruleId: "b-rule", tags: ["financial"], commit: "c0ffee" }), "t.csv");
    const [col] = acc.flush();
    expect(col).toMatchObject({ severity: "high", confidence: "high", ruleId: "b-rule", commit: "c0ffee" });
    expect([...col!.tags].sort()).toEqual(["financial", "sensitive"]);
  });

  it("flushes one table's columns only when asked (a database table read in batches)", () => {
    const acc = new ColumnAccumulator({ salt: "s", key });
    acc.add(cell(2), "db:shop/public.customers");
    acc.add(cell(2), "db:shop/public.staff");
    expect(acc.flush("db:shop/public.customers").map((f) => f.path)).toEqual(["db:shop/public.customers"]);
    expect(acc.size).toBe(1);
  });

  it("tells table cells from other findings", () => {
    expect(isColumnCell(cell(2))).toBe(true);
    expect(isColumnCell(cell(2, { category: "secret" }))).toBe(false);
    expect(isColumnCell(cell(2, { key: undefined }))).toBe(false);
    expect(isColumnCell(cell(2, { record: undefined }))).toBe(false);
    expect(isColumnCell(cell(2, { unit: "column" }))).toBe(false);
  });
});
