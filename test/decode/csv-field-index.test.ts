import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCsvFieldIndex } from "../../src/decode/csv-field-index.js";
import { sniffDelimiter } from "../../src/decode/sniff-delimiter.js";
import { makeTextUnit } from "../../src/decode/make-text-unit.js";
import { positionOf } from "./helpers.js";

describe("createCsvFieldIndex", () => {
  it("maps offsets to header and data row, through quoted fields, embedded newlines and CRLF", () => {
    const src = 'id,氏名,備考,電話\r\n1,山田太郎,"複数行\r\nの備考, カンマ入り",090-0000-0000\r\n2,"山田 ""花子""",,080-0000-0000\r\n';
    const idx = createCsvFieldIndex(src, ",");
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("090-"))).toEqual({ key: "電話", record: 0 });
    expect(idx.fieldAt(src.indexOf("カンマ"))).toEqual({ key: "備考", record: 0 });
    expect(idx.fieldAt(src.indexOf("080-"))).toEqual({ key: "電話", record: 1 });
    expect(idx.fieldAt(src.indexOf("花子"))).toEqual({ key: "氏名", record: 1 });
    expect(idx.fieldAt(1)).toBeUndefined(); // header row
  });

  it("does not take a data row as the header", () => {
    const src = "山田太郎,taro@example.com\n山田花子,hanako@example.com\n";
    const idx = createCsvFieldIndex(src, ",");
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("hanako"))).toEqual({ key: "column 2", record: 1 });
  });

  it("sniffs the delimiter from the first line", () => {
    expect(sniffDelimiter("a\tb\tc\n1\t2\t3", ",")).toBe("\t");
    expect(sniffDelimiter("a;b;c", ",")).toBe(";");
    expect(sniffDelimiter('"a,b"\tc', ",")).toBe("\t");
  });

  it("full-width commas in a field stay inside the field after NFKC (structure is read on the source)", () => {
    const src = "住所,電話\n東京都，千代田区,０９０－００００－００００\n";
    const unit = makeTextUnit("a.csv", src, (s) => createCsvFieldIndex(s, ","));
    expect(unit.text).toContain("東京都,千代田区,090-0000-0000");
    expect(unit.fieldAt!(unit.text.indexOf("090"))).toEqual({ key: "電話", record: 0 });
    expect(unit.locate!(unit.text.indexOf("090"))).toEqual({ line: 2, column: 10 });
  });

  it("every field maps back to its header, record, line and column (property)", () => {
    const cell = fc
      .array(fc.constantFrom("a", "1", "山", "ｶﾞ", "０", " ", ",", '"', "\n", "\r\n", "😀", "-"), { minLength: 1, maxLength: 8 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (cols, rows, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const header = Array.from({ length: cols }, (_, i) => `h${i}`);
        const quote = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        let src = header.join(",") + eol;
        const expected: { offset: number; col: number; row: number }[] = [];
        rows.forEach((r, ri) => {
          r.slice(0, cols).forEach((v, ci) => {
            if (ci > 0) src += ",";
            const q = quote(v);
            expected.push({ offset: src.length + (q === v ? 0 : 1), col: ci, row: ri });
            src += q;
          });
          src += eol;
        });
        const unit = makeTextUnit("t.csv", src, (s) => createCsvFieldIndex(s, ","));
        const norm = src.normalize("NFKC");
        expect(unit.text).toBe(norm);
        expect(unit.records).toBe(rows.length);
        for (const e of expected) {
          // offset of the same field in the normalised text: normalise the prefix
          const nOffset = src.slice(0, e.offset).normalize("NFKC").length;
          expect(unit.fieldAt!(nOffset)).toEqual({ key: `h${e.col}`, record: e.row });
          const marker = src.slice(0, e.offset);
          const line = marker.split("\n").length;
          const column = Array.from(marker.slice(marker.lastIndexOf("\n") + 1)).length + 1;
          expect(unit.locate!(nOffset)).toEqual({ line, column });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps memory flat on a large CSV (row starts only)", () => {
    const row = "山田太郎,やまだたろう,090-0000-0000,東京都千代田区1-1-1,taro@example.com\n";
    const src = "氏名,かな,電話,住所,メール\n" + row.repeat(100_000);
    const idx = createCsvFieldIndex(src, ",");
    expect(idx.records).toBe(100_000);
    const at = src.lastIndexOf("taro@");
    expect(idx.fieldAt(at)).toEqual({ key: "メール", record: 99_999 });
    expect(positionOf(src, "氏名")).toEqual({ line: 1, column: 1 });
  });
});

describe("createCsvFieldIndex: title rows", () => {
  it("skips a title row above the header", () => {
    const src = "顧客一覧 2024年3月分\n\n氏名,電話\n山田太郎,090-0000-0000\n山田花子,080-0000-0000\n";
    const idx = createCsvFieldIndex(src, ",");
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("080"))).toEqual({ key: "電話", record: 1 });
    expect(idx.fieldAt(src.indexOf("顧客"))).toBeUndefined();
  });

  it("a one-column list keeps its header", () => {
    const src = "email\na@example.com\nb@example.com\n";
    expect(createCsvFieldIndex(src, ",").fieldAt(src.indexOf("b@"))).toEqual({ key: "email", record: 1 });
  });
});
