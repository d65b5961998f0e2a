import type { FieldInfo, Location, TextUnit } from "../engine/types.js";
import { createLineLocator } from "./create-line-locator.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { normalizeWithMap } from "./normalize-with-map.js";

/** One field of a decoded record: what it is called, its value and where the value sits in the source. */
export interface RecordField {
  /** The field's name as a column header would say it (full_name, tel, email, postal_code …). */
  key: string;
  value: string;
  /** Offset in the source string of the value's first character (or of the line it was composed from). */
  source: number;
  /** The value is a verbatim copy of the source from `source` on, so columns inside it map exactly. */
  verbatim: boolean;
  /** 0-based record (person) the field belongs to; -1 for fields outside any record. */
  record: number;
}

/**
 * A text unit made of the fields of records decoded from a person format (vCard, iCalendar,
 * an access log's query strings …): one line `key<TAB>value` per field, so the engine sees each
 * value as a table cell with its key (`fieldAt`), and `records` counts the records. `locate`
 * maps every character back to the source: inside a verbatim value to the same character,
 * otherwise to the start of the source it was composed from.
 */
export function makeRecordUnit(path: string, source: string, fields: readonly RecordField[], records: number): TextUnit {
  const parts: string[] = [];
  const starts = new Int32Array(fields.length); // offset of each field's value in the joined text
  const lineStarts = new Int32Array(fields.length); // offset of each field's line (its key)
  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  const keyOf = new Int32Array(fields.length);
  let length = 0;
  fields.forEach((f, i) => {
    const value = f.value.replace(/[\r\n]+/g, " ");
    let id = keyIds.get(f.key);
    if (id === undefined) {
      id = keys.length;
      keys.push(f.key);
      keyIds.set(f.key, id);
    }
    keyOf[i] = id;
    lineStarts[i] = length;
    starts[i] = length + f.key.length + 1;
    parts.push(`${f.key}\t${value}\n`);
    length += f.key.length + value.length + 2;
  });
  const joined = parts.join("");
  const norm = normalizeWithMap(joined);
  const lineCol = createLineLocator(source);
  const fieldIndex = (offset: number): number => lastAtOrBefore(lineStarts, norm.toSource(offset));
  const unit: TextUnit = {
    path,
    text: norm.text,
    locate(offset: number): Location {
      const j = norm.toSource(offset);
      const i = lastAtOrBefore(lineStarts, j);
      if (i < 0) return lineCol(0);
      const f = fields[i];
      const inValue = j - starts[i];
      return lineCol(f.verbatim && inValue > 0 && inValue < f.value.length ? f.source + inValue : f.source);
    },
    fieldAt(offset: number): FieldInfo | undefined {
      const i = fieldIndex(offset);
      if (i < 0) return undefined;
      return { key: keys[keyOf[i]], record: Math.max(fields[i].record, 0) };
    },
    keys: () => keys,
    records: records > 0 ? records : undefined,
  };
  return unit;
}
