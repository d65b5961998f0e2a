import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { lastAtOrBefore } from "./last-at-or-before.js";

const PARAM = /(?<=[?&;])([A-Za-z_][\w.\-[\]]{0,59})=([^\s"'&#;<>]*)/g;

/**
 * Query-string parameters of a log (`GET /entry?zip=…&tel=…`): an offset inside a parameter's
 * value gets the parameter's name as key. A log is not a table: `records` is undefined and
 * `record` always 0 (the decoded unit of encoded parameters counts the lines).
 */
export function createQueryFieldIndex(source: string): FieldIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const names: string[] = [];
  PARAM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARAM.exec(source)) !== null) {
    starts.push(m.index + m[1].length + 1);
    ends.push(m.index + m[0].length);
    names.push(m[1].toLowerCase());
  }
  const at = Int32Array.from(starts);
  return {
    records: undefined,
    keys: () => new Set(names),
    fieldAt(offset: number): FieldInfo | undefined {
      const i = lastAtOrBefore(at, offset);
      return i >= 0 && offset <= ends[i] ? { key: names[i], record: 0 } : undefined;
    },
  };
}
