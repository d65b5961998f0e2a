import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { inferColumnKinds } from "./infer-column-kinds.js";
import { PROBE_ROWS, pickHeaderRow } from "./pick-header-row.js";

/** Rows read to infer the columns of a table without a header. */
const INFER_ROWS = 50;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Splits one CSV row (starting at `start`) into unquoted fields; stops at the end of the row. */
function readRow(source: string, start: number, delim: number): string[] {
  const fields: string[] = [];
  let cur = "";
  let quoted = false;
  let i = start;
  for (; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (quoted) {
      if (c === QUOTE) {
        if (source.charCodeAt(i + 1) === QUOTE) {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += source[i];
    } else if (c === QUOTE) quoted = true;
    else if (c === delim) {
      fields.push(cur.trim());
      cur = "";
    } else if (c === LF) break;
    else if (c !== CR) cur += source[i];
  }
  fields.push(cur.trim());
  return fields;
}

/**
 * CSV/TSV structure (RFC 4180: quoted fields with "" escapes, embedded newlines, CRLF) over the
 * decoded source. One pass keeps only the start offset of each non-empty row (Int32Array); the
 * column of an offset is found on lookup by scanning its row from the start. The header is the
 * first row that looks like one (no data-like values) and is as wide as the data below it
 * (title rows above it are skipped); without one, keys are "column N", or "column N (氏名)" when
 * the column's values say what it holds (inferColumnKinds). Records are the data
 * rows below the header (0-based).
 */
export function createCsvFieldIndex(source: string, delimiter: string): FieldIndex {
  const delim = delimiter.charCodeAt(0);
  const starts = new GrowableInt32(1024);
  const len = source.length;
  let rowStart = true;
  let quoted = false;
  if (!source.includes('"')) {
    // no quotes at all (most exports): rows are lines, found with native indexOf
    for (let i = 0; i < len; ) {
      const nl = source.indexOf("\n", i);
      const end = nl < 0 ? len : nl;
      if (end > i && !(end === i + 1 && source.charCodeAt(i) === CR)) starts.push(i);
      i = end + 1;
    }
    rowStart = false;
  }
  for (let i = rowStart ? 0 : len; i < len; i++) {
    const c = source.charCodeAt(i);
    if (rowStart) {
      rowStart = false;
      if (c === LF) {
        rowStart = true;
        continue;
      }
      if (c === CR && source.charCodeAt(i + 1) === LF) {
        rowStart = true;
        i++;
        continue;
      }
      starts.push(i);
    }
    if (c === QUOTE) quoted = !quoted; // "" toggles twice: still right
    else if (c === LF && !quoted) rowStart = true;
  }
  const rows = starts.toArray();
  const probe = Math.min(rows.length, PROBE_ROWS);
  const headerRow = pickHeaderRow(Array.from({ length: probe }, (_, i) => readRow(source, rows[i], delim)));
  // without a header, each column is named by what its values are (氏名, フリガナ, 生年月日 …)
  const header =
    headerRow >= 0
      ? readRow(source, rows[headerRow], delim).map((f) => f.slice(0, 100))
      : inferColumnKinds(Array.from({ length: Math.min(rows.length, INFER_ROWS) }, (_, i) => readRow(source, rows[i], delim))).map((k, i) => (k ? `column ${i + 1} (${k})` : ""));
  // title rows above the header (Excel exports: "顧客一覧 2024年3月") are neither header nor records
  const firstData = headerRow + 1;

  return {
    records: Math.max(rows.length - firstData, 0),
    keys: () => header,
    fieldAt(offset: number): FieldInfo | undefined {
      const r = lastAtOrBefore(rows, offset);
      if (r < firstData) return undefined;
      let col = 0;
      let q = false;
      for (let i = rows[r]; i < offset && i < len; i++) {
        const c = source.charCodeAt(i);
        if (c === QUOTE) q = !q;
        else if (c === delim && !q) col++;
      }
      const key = header[col] || `column ${col + 1}`;
      return { key, record: r - firstData };
    },
  };
}
