import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { lastAtOrBefore } from "./last-at-or-before.js";

/** A FHIR field entry: where a field's value starts, its key, and its person record (-1: none). */
export interface FhirFieldEntry {
  offset: number;
  key: string;
  record: number;
}

/** The field index over a FHIR resource's entries (JSON or XML): the field at an offset is the last one starting at or before it. */
export function fhirFieldLookup(entries: FhirFieldEntry[], records: number): FieldIndex {
  entries.sort((a, b) => a.offset - b.offset);
  const at = Int32Array.from(entries.map((e) => e.offset));
  const keys = [...new Set(entries.map((e) => e.key))];
  return {
    records: records > 0 ? records : undefined,
    keys: () => keys,
    fieldAt(offset: number): FieldInfo | undefined {
      const i = lastAtOrBefore(at, offset);
      if (i < 0) return undefined;
      return { key: entries[i].key, record: Math.max(entries[i].record, 0) };
    },
  };
}
