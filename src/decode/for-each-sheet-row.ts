import { forEachXmlElement } from "./for-each-xml-element.js";
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

const ATTR = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

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
 * Walks the rows of a worksheet's XML in linear time (forEachXmlElement), without building a DOM (a
 * 100k-row sheet would be millions of objects): calls `onRow` with the row number (`r`, or the
 * previous row + 1) and its cells. Element prefixes (`<x:row>`) are accepted.
 */
export function forEachSheetRow(xml: string, onRow: (row: number, cells: RawCell[]) => void): void {
  let lastRow = 0;
  forEachXmlElement(xml, ["row"], ({ attrs: rowAttrs, body }) => {
    const r = Number(attributes(rowAttrs).r);
    const row = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
    lastRow = row;
    if (!body) return;
    const cells: RawCell[] = [];
    forEachXmlElement(body, ["c"], ({ attrs: cellAttrs, body: inner = "" }) => {
      const attrs = attributes(cellAttrs);
      const type = attrs.t;
      cells.push({
        ref: attrs.r,
        type,
        style: Number(attrs.s ?? 0) || 0,
        value: unescapeXml(first(inner, "v") ?? ""),
        inline: type === "inlineStr" ? (first(inner, "is") ?? "") : undefined,
      });
    });
    onRow(row, cells);
  });
}

/** The body of the first `name` element with a body in `xml`. */
function first(xml: string, name: string): string | undefined {
  if (!xml.includes(name)) return undefined;
  let found: string | undefined;
  forEachXmlElement(xml, [name], ({ body }) => {
    if (body === undefined) return true;
    found = body;
    return false;
  });
  return found;
}
