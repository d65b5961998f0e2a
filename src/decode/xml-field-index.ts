import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";

const WINDOW = 2000;
const ATTR = /([\w:.-]+)\s*=\s*(["'])[^"'<>]*$/;
const ELEMENT = /^<([\w:.-]+)/;

/**
 * XML context, found lazily per lookup in the 2000 characters before the offset: the attribute
 * whose value holds the offset, or else the element whose text holds it (`<password>…`).
 * `record` is always 0.
 */
export function createXmlFieldIndex(source: string): FieldIndex {
  return {
    records: undefined,
    fieldAt(offset: number): FieldInfo | undefined {
      const before = source.slice(Math.max(0, offset - WINDOW), offset);
      const lt = before.lastIndexOf("<");
      const gt = before.lastIndexOf(">");
      if (lt > gt) {
        const a = ATTR.exec(before.slice(lt));
        return a ? { key: a[1], record: 0 } : undefined;
      }
      if (lt < 0) return undefined;
      const e = ELEMENT.exec(before.slice(lt));
      return e ? { key: e[1], record: 0 } : undefined;
    },
  };
}
