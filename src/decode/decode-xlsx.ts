import { XMLParser } from "fast-xml-parser";
import type { FieldInfo, Location, TextUnit } from "../engine/types.js";
import { columnLetters } from "./column-letters.js";
import { excelSerialDate } from "./excel-serial-date.js";
import { isDateFormat } from "./is-date-format.js";
import { parseCellRef } from "./parse-cell-ref.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { forEachSheetRow } from "./for-each-sheet-row.js";
import { ooxmlRichText } from "./ooxml-rich-text.js";
import { PROBE_ROWS, pickHeaderRow } from "./pick-header-row.js";
import { normalizeWithMap } from "./normalize-with-map.js";
import { forEachXmlElement } from "./for-each-xml-element.js";

const ARRAYS = new Set(["sheet", "Relationship", "xf", "numFmt"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ARRAYS.has(name),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

const utf8 = new TextDecoder("utf-8");
function parseXml(bytes: Uint8Array | undefined): Xml {
  if (!bytes) return undefined;
  return parser.parse(utf8.decode(bytes));
}

function resolveTarget(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

/** Sheet names and their part names, in workbook order; falls back to the worksheet parts present. */
function sheetParts(files: ReadonlyMap<string, Uint8Array>): { name: string; part: string }[] {
  const wb = parseXml(files.get("xl/workbook.xml"));
  const rels = parseXml(files.get("xl/_rels/workbook.xml.rels"));
  const targets = new Map<string, string>();
  for (const r of rels?.Relationships?.Relationship ?? []) targets.set(String(r["@Id"]), resolveTarget(String(r["@Target"])));
  const out: { name: string; part: string }[] = [];
  for (const s of wb?.workbook?.sheets?.sheet ?? []) {
    const part = targets.get(String(s["@id"]));
    if (part && files.has(part)) out.push({ name: String(s["@name"]), part });
  }
  if (out.length > 0) return out;
  return [...files.keys()]
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((part) => ({ name: part.replace(/^.*\/|\.xml$/g, ""), part }));
}

/**
 * One unit per worksheet of an .xlsx/.xlsm package (entries already read from the zip), with
 * sheets and shared strings read by regular expressions (no DOM: a 100k-row sheet stays cheap),
 * path `book.xlsx!Sheet1`. Each row is one line of `text`, its cells separated by tabs.
 * `locate` returns `{ line: row, column: column index, pathSuffix: "C12" }` (the cell), so a
 * finding reads `book.xlsx!Sheet1!C12`. The first row is the header when it looks like one:
 * `fieldAt` gives the column's header and the 0-based data row.
 */
export function decodeXlsx(path: string, files: ReadonlyMap<string, Uint8Array>): TextUnit[] {
  const shared: string[] = [];
  const sstBytes = files.get("xl/sharedStrings.xml");
  if (sstBytes) {
    const xml = utf8.decode(sstBytes);
    forEachXmlElement(xml, ["si"], ({ body }) => void shared.push(body === undefined ? "" : ooxmlRichText(body)));
  }
  // cell styles that show a number as a date (a date of birth is a serial number in the XML)
  const styles = parseXml(files.get("xl/styles.xml"));
  const codes = new Map<number, string>();
  for (const f of styles?.styleSheet?.numFmts?.numFmt ?? []) codes.set(Number(f["@numFmtId"]), String(f["@formatCode"] ?? ""));
  const dateStyle: boolean[] = (styles?.styleSheet?.cellXfs?.xf ?? []).map((xf: Xml) => {
    const id = Number(xf?.["@numFmtId"] ?? 0);
    return isDateFormat(id, codes.get(id));
  });
  const wbPr = parseXml(files.get("xl/workbook.xml"))?.workbook?.workbookPr;
  const date1904 = wbPr?.["@date1904"] === "1" || wbPr?.["@date1904"] === "true";
  const units: TextUnit[] = [];
  for (const { name, part } of sheetParts(files)) {
    const lines: string[] = [];
    let length = 0;
    const cellStart = new GrowableInt32();
    const cellRow = new GrowableInt32();
    const cellCol = new GrowableInt32();
    const cellRowOrder = new GrowableInt32();
    const probe: { col: number; value: string }[][] = [];
    let rowOrder = 0;
    forEachSheetRow(utf8.decode(files.get(part)!), (rowNum, cells) => {
      const values: { col: number; value: string }[] = [];
      let lastCol = 0;
      for (const c of cells) {
        const col = (c.ref ? parseCellRef(c.ref)?.col : undefined) ?? lastCol + 1;
        lastCol = col;
        let value: string;
        if (c.type === "s") value = shared[Number(c.value)] ?? "";
        else if (c.type === "inlineStr") value = ooxmlRichText(c.inline ?? "");
        else {
          value = c.value;
          if ((c.type === undefined || c.type === "n") && value !== "" && dateStyle[c.style]) value = excelSerialDate(Number(value), date1904) ?? value;
        }
        if (value === "") continue;
        values.push({ col, value: value.replace(/[\t\r\n]/g, " ") });
      }
      if (values.length === 0) return;
      if (rowOrder < PROBE_ROWS) probe.push(values);
      let line = "";
      for (const v of values) {
        if (line.length > 0) line += "\t";
        cellStart.push(length + line.length);
        cellRow.push(rowNum);
        cellCol.push(v.col);
        cellRowOrder.push(rowOrder);
        line += v.value;
      }
      lines.push(line);
      length += line.length + 1;
      rowOrder++;
    });
    const source = lines.join("\n");
    const norm = normalizeWithMap(source);
    const cs = cellStart.toArray();
    const cr = cellRow.toArray();
    const cc = cellCol.toArray();
    const co = cellRowOrder.toArray();
    // the header may sit below title rows; rows above it are neither header nor records
    const headerRow = pickHeaderRow(probe.map((r) => r.map((v) => v.value)));
    const header = headerRow >= 0 ? new Map(probe[headerRow].map((v) => [v.col, v.value.slice(0, 100)])) : undefined;
    const firstData = headerRow + 1;
    const cellAt = (offset: number): number => Math.max(lastAtOrBefore(cs, norm.toSource(offset)), 0);
    const hdr = header;
    units.push({
      path: `${path}!${name}`,
      text: norm.text,
      locate(offset: number): Location {
        if (cs.length === 0) return { line: null, column: null };
        const i = cellAt(offset);
        return { line: cr[i], column: cc[i], pathSuffix: `${columnLetters(cc[i])}${cr[i]}` };
      },
      fieldAt(offset: number): FieldInfo | undefined {
        if (cs.length === 0) return undefined;
        const i = cellAt(offset);
        if (co[i] < firstData) return undefined;
        return { key: hdr?.get(cc[i]) ?? `column ${columnLetters(cc[i])}`, record: co[i] - firstData };
      },
      records: Math.max(rowOrder - firstData, 0),
    });
  }
  return units;
}
