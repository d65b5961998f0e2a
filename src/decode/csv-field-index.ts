import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { looksLikeHeader } from "./looks-like-header.js";

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

const PROBE_ROWS = 12;
const MAX_TITLE_ROWS = 5;

/**
 * The header row: among the first rows, the first one that looks like a header and has as
 * many fields as most of the rows below it (so a title row or a blank-ish line above the real
 * header is skipped). -1 when there is none: every row is data.
 */
function findHeaderRow(source: string, rows: Int32Array, delim: number): number {
  const probe = Math.min(rows.length, PROBE_ROWS);
  const fields = Array.from({ length: probe }, (_, i) => readRow(source, rows[i], delim));
  for (let h = 0; h < Math.min(probe, MAX_TITLE_ROWS); h++) {
    if (!looksLikeHeader(fields[h])) continue;
    const below = fields.slice(h + 1).map((f) => f.length);
    if (below.length === 0) return h;
    const counts = new Map<number, number>();
    for (const w of below) counts.set(w, (counts.get(w) ?? 0) + 1);
    const width = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    if (fields[h].length === width) return h;
  }
  // ragged rows (trailing empty fields dropped): a header-like first row of 2+ fields still counts
  return probe > 0 && fields[0].length >= 2 && looksLikeHeader(fields[0]) ? 0 : -1;
}

/**
 * CSV/TSV structure (RFC 4180: quoted fields with "" escapes, embedded newlines, CRLF) over the
 * decoded source. One pass keeps only the start offset of each non-empty row (Int32Array); the
 * column of an offset is found on lookup by scanning its row from the start. The header is the
 * first row that looks like one (no data-like values) and is as wide as the data below it
 * (title rows above it are skipped); without one, keys are "column N". Records are the data
 * rows below the header (0-based).
 */
export function createCsvFieldIndex(source: string, delimiter: string): FieldIndex {
  const delim = delimiter.charCodeAt(0);
  const starts = new GrowableInt32(1024);
  const len = source.length;
  let rowStart = true;
  let quoted = false;
  for (let i = 0; i < len; i++) {
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
  const headerRow = findHeaderRow(source, rows, delim);
  const header = headerRow >= 0 ? readRow(source, rows[headerRow], delim).map((f) => f.slice(0, 100)) : [];
  // title rows above the header (Excel exports: "顧客一覧 2024年3月") are neither header nor records
  const firstData = headerRow + 1;

  return {
    records: Math.max(rows.length - firstData, 0),
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
