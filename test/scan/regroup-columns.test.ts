import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/types.js";
import { ColumnAccumulator } from "../../src/scan/column-accumulator.js";
import { completeColumns, regroupColumns } from "../../src/scan/regroup-columns.js";

const key = new TextEncoder().encode("regroup test key");

function cell(line: number, over: Partial<Finding> = {}): Finding {
  return {
    ruleId: "pii-phone-number",
    category: "pii",
    kind: "phone",
    severity: "medium",
    confidence: "high",
    path: "db:shop/public.customers",
    line,
    column: 5,
    endLine: line,
    endColumn: 18,
    redacted: `090-****-${String(1000 + line)}`,
    fingerprint: `pii-phone-number:db:shop/public.customers:${line}`,
    valueHash: createHash("sha256").update(String(line)).digest("hex").slice(0, 20),
    record: line - 1,
    key: "電話番号",
    tags: [],
    ...over,
  };
}

/** What scanFiles gives with cells "small": the column finding, then its cells. */
function scanned(lines: number[], smallColumn = 1000): Finding[] {
  const acc = new ColumnAccumulator({ salt: "s", key, cells: "small", smallColumn });
  for (const l of lines) acc.add(cell(l), "db:shop/public.customers");
  return acc.flush();
}

describe("regroupColumns (the App: cells compared with the base, then columns)", () => {
  it("rebuilds a column from the cells left after filtering, keeping its fingerprint and the caller's fields", () => {
    const all = scanned([1, 2, 3, 4, 5, 6]);
    const complete = completeColumns(all);
    expect(complete.size).toBe(1);
    const column = all[0]!;
    // The base already had rows 1-4: their cells are dropped; the caller marked the column.
    const left = all.filter((f) => f.unit === "column" || (f.line ?? 0) >= 5).map((f) => (f.unit === "column" ? { ...f, removedIn: "abc1234" } : f));
    const out = regroupColumns(left, complete, false);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ unit: "column", fingerprint: column.fingerprint, count: 2, firstLine: 5, lastLine: 6, line: 5, sampleLines: [5, 6], redacted: "090-****-1005", removedIn: "abc1234" });
  });

  it("drops a column none of whose cells is left, and keeps cells only when asked", () => {
    const all = scanned([1, 2]);
    const complete = completeColumns(all);
    expect(regroupColumns(all.filter((f) => f.unit === "column"), complete, false)).toEqual([]);
    const withCells = regroupColumns(all, complete, true);
    expect(withCells.filter((f) => f.unit === undefined).map((f) => f.line)).toEqual([1, 2]);
    expect(withCells.filter((f) => f.unit === "column").map((f) => f.count)).toEqual([2]);
  });

  it("with 'small' keeps the cells of a rebuilt column only up to SMALL_COLUMN_CELLS of them", () => {
    const lines = Array.from({ length: 1001 }, (_, i) => i + 1);
    const all = new ColumnAccumulator({ salt: "s", key, cells: "all" });
    const found: Finding[] = [];
    for (const l of lines) {
      const c = cell(l);
      all.add(c, "db:shop/public.customers");
      found.push(c);
    }
    const list = [...all.flush(), ...found];
    const complete = completeColumns(list);
    expect(regroupColumns(list, complete, "small").filter((f) => f.unit === undefined)).toHaveLength(0);
    expect(regroupColumns(list.filter((f) => (f.line ?? 0) > 1), complete, "small").filter((f) => f.unit === undefined)).toHaveLength(1000);
  });

  it("keeps a column past the cell bound as scanned (its cells were never kept)", () => {
    const all = scanned([1, 2, 3, 4], 3);
    expect(all).toHaveLength(1);
    const complete = completeColumns(all);
    expect(complete.size).toBe(0);
    expect(regroupColumns(all, complete, false)).toEqual(all);
  });

  it("passes other findings through unchanged", () => {
    const secret: Finding = { ...cell(3), category: "secret", kind: "github-token", ruleId: "github-pat", key: undefined, record: undefined, fingerprint: "github-pat:x:1" };
    const all = [...scanned([1]), secret];
    expect(regroupColumns(all, completeColumns(all), false).map((f) => f.unit ?? f.category)).toEqual(["secret", "column"]);
  });
});
