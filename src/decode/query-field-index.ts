import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { lastAtOrBefore } from "./last-at-or-before.js";

const PARAM = /(?<=[?&;])([A-Za-z_][\w.\-[\]]{0,59})=([^\s"'&#;<>]*)/g;

/**
 * Query-string parameters of a log (`GET /entry?zip=…&tel=…`): an offset inside a parameter's
 * value gets the parameter's name as key, and its log line (0-based) as record: one request is
 * one record. `records` stays undefined (a log is not a table: its other text keeps line rules).
 */
export function createQueryFieldIndex(source: string): FieldIndex {
  const starts: number[] = [];
  const ends: number[] = [];
  const names: string[] = [];
  const lineOf: number[] = [];
  let line = 0;
  let counted = 0;
  PARAM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARAM.exec(source)) !== null) {
    starts.push(m.index + m[1].length + 1);
    ends.push(m.index + m[0].length);
    names.push(m[1].toLowerCase());
    for (let i = source.indexOf("\n", counted); i >= 0 && i < m.index; i = source.indexOf("\n", i + 1)) {
      line++;
      counted = i + 1;
    }
    lineOf.push(line);
  }
  const at = Int32Array.from(starts);
  return {
    records: undefined,
    keys: () => new Set(names),
    fieldAt(offset: number): FieldInfo | undefined {
      const i = lastAtOrBefore(at, offset);
      return i >= 0 && offset <= ends[i] ? { key: names[i], record: lineOf[i] } : undefined;
    },
  };
}
