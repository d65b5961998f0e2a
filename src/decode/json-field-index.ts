import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { walkJson } from "./walk-json.js";

/** Keys whose value is a sample of the enclosing property. */
const EXAMPLE_KEY = /^(x-)?examples?$/i;

function keyText(raw: string): string {
  try {
    return String(JSON.parse(raw)).slice(0, 100);
  } catch {
    return raw.slice(1, -1).slice(0, 100);
  }
}

/**
 * JSON / NDJSON structure: for every scalar value, the nearest enclosing key (the key of the
 * innermost object member that holds it) and its record. Records: for NDJSON (`perTopLevel`),
 * each top-level value; for JSON, the objects in the first array of objects found, and in every
 * array at that same depth (e.g. `[{…},{…}]` or `{"customers":[{…},{…}]}`); without any, the
 * objects keyed by ids (a key with a digit: `{"C0001": {…}, "C0002": {…}}`). Int32Arrays
 * (value offset, key id, record), keys interned. The value of an `example` / `examples` key
 * (OpenAPI, JSON Schema) is given the key of the property it describes. Offsets outside any
 * value (keys, punctuation) have no field.
 */
export function createJsonFieldIndex(source: string, perTopLevel: boolean): FieldIndex {
  const valueAt = new GrowableInt32(1024);
  const valueEnd = new GrowableInt32(1024);
  const keyOf = new GrowableInt32(1024);
  const recordOf = new GrowableInt32(1024);
  const keys: string[] = [];
  const keyIds = new Map<string, number>();
  const keyStack: number[] = []; // nearest key when each open container was opened
  const kinds: number[] = []; // 0 = object, 1 = array, per open container
  let currentKey = -1;
  let recordDepth = -1;
  let record = -1;
  let records = 0;
  // objects keyed by ids ({"C0001": {…}, "C0002": {…}}): used when no array of objects is found
  const idRecordOf = new GrowableInt32(1024);
  let idDepth = -1;
  let idRecord = -1;
  let idRecords = 0;

  const startValue = (isObject: boolean): void => {
    const depth = kinds.length;
    if (perTopLevel) {
      if (depth === 0) {
        record = records++;
        currentKey = -1;
      }
      return;
    }
    if (isObject && depth > 0 && kinds[depth - 1] === 1) {
      if (recordDepth < 0) recordDepth = depth;
      if (depth === recordDepth) record = records++;
    }
    if (isObject && depth > 0 && kinds[depth - 1] === 0 && currentKey >= 0 && /\d/.test(keys[currentKey])) {
      if (idDepth < 0) idDepth = depth;
      if (depth === idDepth) idRecord = idRecords++;
    }
  };

  walkJson(source, {
    open(kind) {
      startValue(kind === "object");
      keyStack.push(currentKey);
      kinds.push(kind === "object" ? 0 : 1);
    },
    close() {
      if (kinds.length === 0) return;
      kinds.pop();
      currentKey = keyStack.pop() ?? -1;
      if (!perTopLevel && kinds.length <= recordDepth) record = -1;
      if (kinds.length <= idDepth) idRecord = -1;
    },
    key(start, end) {
      const k = keyText(source.slice(start, end));
      let id = keyIds.get(k);
      if (id === undefined) {
        id = keys.length;
        keys.push(k);
        keyIds.set(k, id);
      }
      currentKey = id;
    },
    value(_kind, start, end) {
      startValue(false);
      valueAt.push(start);
      valueEnd.push(end);
      let key = currentKey;
      // OpenAPI / JSON Schema: an `example` speaks for the property it sits under
      for (let d = keyStack.length; key >= 0 && EXAMPLE_KEY.test(keys[key]) && d > 0; ) key = keyStack[--d];
      keyOf.push(key);
      recordOf.push(record);
      idRecordOf.push(idRecord);
    },
  });
  const byId = records === 0 && idRecords >= 2;
  const at = valueAt.toArray();
  const ends = valueEnd.toArray();
  const ko = keyOf.toArray();
  const ro = byId ? idRecordOf.toArray() : recordOf.toArray();
  if (byId) records = idRecords;
  return {
    records: records > 0 ? records : undefined,
    keys: () => keys,
    fieldAt(offset: number): FieldInfo | undefined {
      const i = lastAtOrBefore(at, offset);
      // Only a value has a field: the next member's key ("mega" after "medical_symbol": …) has none.
      if (i < 0 || ko[i] < 0 || offset >= ends[i]) return undefined;
      return { key: keys[ko[i]], record: Math.max(ro[i], 0) };
    },
  };
}
