import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { lastAtOrBefore } from "./last-at-or-before.js";

const SEPARATOR = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/;

/** Cells of a table line: split on unescaped "|", outer pipes dropped, trimmed. */
function cells(line: string): string[] {
  const parts = line.trim().split(/(?<!\\)\|/);
  if (parts[0].trim() === "") parts.shift();
  if (parts.length > 0 && parts[parts.length - 1].trim() === "") parts.pop();
  return parts.map((p) => p.trim());
}

/**
 * Markdown (GitHub-flavoured) tables: a header line, a `|---|---|` separator, then rows. A
 * value in a row gets its column's header as key, and each row is a record (one person in a
 * contact list). Text outside tables has no field. Rows are numbered across all tables of the file.
 */
export function createMarkdownTableFieldIndex(source: string): FieldIndex {
  const lines = source.split("\n");
  const rowStart: number[] = [];
  const rowEnd: number[] = [];
  const rowHeader: string[][] = [];
  const headers: string[] = [];
  let offset = 0;
  const starts = lines.map((l) => {
    const s = offset;
    offset += l.length + 1;
    return s;
  });
  for (let i = 1; i < lines.length; i++) {
    if (!SEPARATOR.test(lines[i]) || !lines[i - 1].includes("|")) continue;
    const header = cells(lines[i - 1]);
    headers.push(...header);
    for (let j = i + 1; j < lines.length && lines[j].includes("|") && lines[j].trim() !== ""; j++) {
      rowStart.push(starts[j]);
      rowEnd.push(starts[j] + lines[j].length);
      rowHeader.push(header);
      i = j;
    }
  }
  const rs = Int32Array.from(rowStart);
  return {
    records: rs.length > 0 ? rs.length : undefined,
    keys: () => headers,
    fieldAt(at: number): FieldInfo | undefined {
      const r = lastAtOrBefore(rs, at);
      if (r < 0 || at > rowEnd[r]) return undefined;
      let col = -1;
      let seenCell = false;
      for (let k = rs[r]; k < at; k++) {
        const c = source.charCodeAt(k);
        if (c === 124 /* | */ && source.charCodeAt(k - 1) !== 92 /* \ */) col++;
        else if (c !== 32 && c !== 9) seenCell = true;
      }
      // A row written without its leading pipe starts in the first cell.
      if (!/^[ \t]*\|/.test(source.slice(rs[r], rs[r] + 8))) col++;
      if (col < 0 && !seenCell) return undefined;
      const key = rowHeader[r][Math.max(0, col)];
      return key ? { key, record: r } : undefined;
    },
  };
}
