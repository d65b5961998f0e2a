import { unescapeXml } from "./unescape-xml.js";

/** One cell as written in the sheet XML. */
export interface RawCell {
  /** Cell reference ("C12"), when present. */
  ref: string | undefined;
  /** `t` attribute: "s" shared string, "inlineStr", "str", "n", "b", "e", "d"; undefined = number. */
  type: string | undefined;
  /** `s` attribute: index of the cell style. */
  style: number;
  /** Text of `<v>` (entities decoded), "" when absent. */
  value: string;
  /** Raw XML inside `<is>` for inline strings. */
  inline: string | undefined;
}

const ROW = /<(?:[\w.-]+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const ATTR = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

/** The r, t and s attributes of a start tag's attribute text (prefixes ignored). */
function attributes(s: string): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(s)) !== null) {
    const name = m[1].length === 1 ? m[1] : m[1].replace(/^.*:/, "");
    if (name === "r" || name === "t" || name === "s") out[name] = m[2];
  }
  return out;
}

/**
 * Walks the rows of a worksheet's XML with regular expressions, without building a DOM (a
 * 100k-row sheet would be millions of objects): calls `onRow` with the row number (`r`, or the
 * previous row + 1) and its cells. Element prefixes (`<x:row>`) are accepted.
 */
export function forEachSheetRow(xml: string, onRow: (row: number, cells: RawCell[]) => void): void {
  let lastRow = 0;
  ROW.lastIndex = 0;
  let rm: RegExpExecArray | null;
  while ((rm = ROW.exec(xml)) !== null) {
    const r = Number(attributes(rm[1]).r);
    const row = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
    lastRow = row;
    const body = rm[2];
    if (!body) continue;
    const cells: RawCell[] = [];
    CELL.lastIndex = 0;
    let cm: RegExpExecArray | null;
    while ((cm = CELL.exec(body)) !== null) {
      const attrs = attributes(cm[1]);
      const inner = cm[2] ?? "";
      const v = VALUE.exec(inner);
      const type = attrs.t;
      cells.push({
        ref: attrs.r,
        type,
        style: Number(attrs.s ?? 0) || 0,
        value: v ? unescapeXml(v[1]) : "",
        inline: type === "inlineStr" ? (INLINE.exec(inner)?.[1] ?? "") : undefined,
      });
    }
    onRow(row, cells);
  }
}
