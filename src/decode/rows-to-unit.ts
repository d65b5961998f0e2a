import type { TextUnit } from "../engine/types.js";
import { createCsvFieldIndex } from "./csv-field-index.js";
import { makeTextUnit } from "./make-text-unit.js";

/**
 * A batch of a table's rows as a table unit for the engine: the column names are the header
 * (context for column rules), each row a record. Records and lines continue across batches:
 * `firstRow` is the 0-based index of the batch's first row in the table, so a finding's `record`
 * is its row index in the table and its `line` the 1-based row number.
 */
export function rowsToUnit(path: string, columns: readonly string[], rows: readonly (readonly (string | null)[])[], firstRow: number): TextUnit {
  let text = columns.map(csvField).join(",");
  for (const row of rows) text += "\n" + row.map((v) => (v === null ? "" : csvField(v))).join(",");
  const unit = makeTextUnit(path, text + "\n", (s) => createCsvFieldIndex(s, ","));
  const { locate, fieldAt } = unit;
  unit.locate = (offset) => {
    const at = locate!(offset);
    // line 1 is the header; data row k (line k + 1) is row firstRow + k of the table
    return at.line === null || at.line <= 1 ? { ...at, line: null, column: null } : { ...at, line: firstRow + at.line - 1 };
  };
  unit.fieldAt = (offset) => {
    const field = fieldAt!(offset);
    return field ? { key: field.key, record: field.record + firstRow } : undefined;
  };
  return unit;
}

/** One CSV field: quoted when it holds a delimiter, quote or line break (quotes doubled). */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
