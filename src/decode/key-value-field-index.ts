import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { yamlRecordStarts } from "./yaml-record-starts.js";

const KEY_LINE = /^([ \t]*)(?:-[ \t]+)?(?:export[ \t]+)?(?:"([^"\n]{1,100})"|'([^'\n]{1,100})'|([^\s"':=#[\]{}][^"':=#\n]{0,99}?))[ \t]*(?::(?=\s|$)|=)/;
const keyOf = (m: RegExpExecArray): string => (m[2] ?? m[3] ?? m[4]).trim();
const LOOK_BACK = 20;
/** Keys whose value is a sample of the enclosing property (OpenAPI / JSON Schema). */
const EXAMPLE_KEY = /^(x-)?examples?$/i;

/**
 * Key of `key: value` (YAML), `KEY=value` (.env, properties, ini, toml) lines, found lazily per
 * lookup: the key on the offset's own line, or else the nearest line above (up to 20) with less
 * indentation that has a key (YAML block scalars and lists). These files are not tables:
 * `records` is undefined and `record` is always 0 — except YAML (`yaml`) that holds records
 * (fixtures and seeds, see yamlRecordStarts): there each record is one. The value of an
 * `example` / `examples` key (OpenAPI, JSON Schema) is given the key of the property above it.
 */
export function createKeyValueFieldIndex(source: string, yaml = false): FieldIndex {
  const recs = yaml ? yamlRecordStarts(source) : undefined;
  const recordAt = (offset: number): number => {
    if (!recs) return 0;
    // a value between records (a top-level setting) is given to the record above it
    return Math.max(lastAtOrBefore(recs.starts, offset), 0);
  };
  return {
    records: recs && recs.starts.length > 0 ? recs.starts.length : undefined,
    keys: () => {
      const out = new Set<string>();
      for (const line of source.split("\n")) {
        const m = KEY_LINE.exec(line.length > 400 ? line.slice(0, 400) : line);
        if (m) out.add(keyOf(m));
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
        if (m && (n === 0 || ind < indent)) {
          const key = keyOf(m);
          // OpenAPI / JSON Schema: an `example` speaks for the property it sits under
          if (!EXAMPLE_KEY.test(key)) return { key, record: recordAt(offset) };
          indent = ind;
        }
        if (line.trim() !== "") indent = Math.min(indent, ind);
        if (start === 0) break;
        end = start - 1;
        start = source.lastIndexOf("\n", end - 1) + 1;
      }
      return undefined;
    },
  };
}
