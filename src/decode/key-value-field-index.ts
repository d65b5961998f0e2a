import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";

const KEY_LINE = /^([ \t]*)(?:-[ \t]+)?(?:export[ \t]+)?["']?([^\s"':=#[\]{}][^"':=#\n]{0,99}?)["']?[ \t]*(?::(?=\s|$)|=)/;
const LOOK_BACK = 20;

/**
 * Key of `key: value` (YAML), `KEY=value` (.env, properties, ini, toml) lines, found lazily per
 * lookup: the key on the offset's own line, or else the nearest line above (up to 20) with less
 * indentation that has a key (YAML block scalars and lists). These files are not tables:
 * `records` is undefined and `record` is always 0.
 */
export function createKeyValueFieldIndex(source: string): FieldIndex {
  return {
    records: undefined,
    keys: () => {
      const out = new Set<string>();
      for (const line of source.split("\n")) {
        const m = KEY_LINE.exec(line.length > 400 ? line.slice(0, 400) : line);
        if (m) out.add(m[2].trim());
      }
      return out;
    },
    fieldAt(offset: number): FieldInfo | undefined {
      let end = source.indexOf("\n", offset);
      if (end < 0) end = source.length;
      let start = offset > 0 ? source.lastIndexOf("\n", offset - 1) + 1 : 0;
      let indent = Infinity;
      for (let n = 0; n <= LOOK_BACK; n++) {
        const line = source.slice(start, Math.min(end, start + 400));
        const m = KEY_LINE.exec(line);
        const ind = /^[ \t]*/.exec(line)![0].length;
        if (m && (n === 0 || ind < indent)) return { key: m[2].trim(), record: 0 };
        if (line.trim() !== "") indent = Math.min(indent, ind);
        if (start === 0) break;
        end = start - 1;
        start = source.lastIndexOf("\n", end - 1) + 1;
      }
      return undefined;
    },
  };
}
