import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { findXmlRecords, xmlRecordAt, type XmlRecords } from "./find-xml-records.js";

const WINDOW = 2000;
const ATTR = /([\w:.-]+)\s*=\s*(["'])[^"'<>]*$/;
const ELEMENT = /^<([\w:.-]+)/;
const NAMED_BY = /\s(?:key|name)\s*=\s*["']([^"']{1,100})["']/i;

/**
 * XML context, found lazily per lookup in the 2000 characters before the offset: the attribute
 * whose value holds the offset (for a `value` attribute, the tag's `key` or `name`, as in
 * `<add key="DbPassword" value="…"/>`), or else the element whose text holds it (`<password>…`).
 * An export whose elements repeat as siblings with children of their own (<customer> rows with
 * <name>, <email> columns) has those elements as records: `record` is the row holding the offset
 * (values outside every row share one record after the last); otherwise `record` is always 0.
 */
export function createXmlFieldIndex(source: string): FieldIndex {
  let rows: XmlRecords | undefined | null = null;
  const table = (): XmlRecords | undefined => (rows === null ? (rows = findXmlRecords(source)) : rows);
  const recordAt = (offset: number): number => {
    const t = table();
    if (t === undefined) return 0;
    const r = xmlRecordAt(t, offset);
    return r >= 0 ? r : t.starts.length;
  };
  return {
    get records() {
      return table()?.starts.length;
    },
    fieldAt(offset: number): FieldInfo | undefined {
      const before = source.slice(Math.max(0, offset - WINDOW), offset);
      const lt = before.lastIndexOf("<");
      const gt = before.lastIndexOf(">");
      if (lt > gt) {
        const tag = before.slice(lt);
        const a = ATTR.exec(tag);
        if (!a) return undefined;
        // <add key="DbPassword" value="…"/>, <property name="password" value="…"/>: the name is the key
        if (/^value$/i.test(a[1])) {
          const named = NAMED_BY.exec(tag);
          if (named) return { key: named[1], record: recordAt(offset) };
        }
        return { key: a[1], record: recordAt(offset) };
      }
      if (lt < 0) return undefined;
      const e = ELEMENT.exec(before.slice(lt));
      return e ? { key: e[1], record: recordAt(offset) } : undefined;
    },
  };
}
