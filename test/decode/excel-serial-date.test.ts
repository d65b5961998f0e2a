import { describe, expect, it } from "vitest";
import { columnLetters } from "../../src/decode/column-letters.js";
import { excelSerialDate } from "../../src/decode/excel-serial-date.js";
import { isDateFormat } from "../../src/decode/is-date-format.js";
import { parseCellRef } from "../../src/decode/parse-cell-ref.js";

describe("excelSerialDate", () => {
  it.each([
    [1, false, "1900/01/01"],
    [59, false, "1900/02/28"],
    [61, false, "1900/03/01"],
    [32874, false, "1990/01/01"],
    [45000.75, false, "2023/03/15"],
    [0, true, undefined],
    [1, true, "1904/01/02"],
    [-5, false, undefined],
    [Number.NaN, false, undefined],
  ])("%s (1904: %s) → %s", (serial, d1904, expected) => {
    expect(excelSerialDate(serial, d1904)).toBe(expected);
  });
});

describe("isDateFormat", () => {
  it.each([
    [14, undefined, true],
    [0, undefined, false],
    [176, "yyyy/m/d", true],
    [177, '[$-411]ggge"年"m"月"d"日"', true],
    [178, "h:mm:ss", false],
    [179, '0.00"円"', false],
    [180, "#,##0", false],
  ])("%s %s → %s", (id, code, expected) => {
    expect(isDateFormat(id, code)).toBe(expected);
  });
});


describe("cell references", () => {
  it.each([
    ["A1", { row: 1, col: 1 }],
    ["C12", { row: 12, col: 3 }],
    ["$AA$10", { row: 10, col: 27 }],
    ["xfd1048576", { row: 1048576, col: 16384 }],
    ["A0", undefined],
    ["1A", undefined],
    ["ABCD1", undefined],
    ["A1x", undefined],
    ["", undefined],
  ])("%s", (ref, expected) => {
    expect(parseCellRef(ref)).toEqual(expected);
  });

  it("columnLetters inverts parseCellRef", () => {
    for (const col of [1, 26, 27, 52, 53, 702, 703, 16384]) expect(parseCellRef(`${columnLetters(col)}7`)).toEqual({ row: 7, col });
  });
});
