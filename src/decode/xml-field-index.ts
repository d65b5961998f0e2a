import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";

const WINDOW = 2000;
const ATTR = /([\w:.-]+)\s*=\s*(["'])[^"'<>]*$/;
const ELEMENT = /^<([\w:.-]+)/;
const NAMED_BY = /\s(?:key|name)\s*=\s*["']([^"']{1,100})["']/i;

/**
 * XML context, found lazily per lookup in the 2000 characters before the offset: the attribute
 * whose value holds the offset (for a `value` attribute, the tag's `key` or `name`, as in
 * `<add key="DbPassword" value="…"/>`), or else the element whose text holds it (`<password>…`).
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
        const tag = before.slice(lt);
        const a = ATTR.exec(tag);
        if (!a) return undefined;
        // <add key="DbPassword" value="…"/>, <property name="password" value="…"/>: the name is the key
        if (/^value$/i.test(a[1])) {
          const named = NAMED_BY.exec(tag);
          if (named) return { key: named[1], record: 0 };
        }
        return { key: a[1], record: 0 };
      }
      if (lt < 0) return undefined;
      const e = ELEMENT.exec(before.slice(lt));
      return e ? { key: e[1], record: 0 } : undefined;
    },
  };
}
