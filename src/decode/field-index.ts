import type { FieldInfo } from "../engine/types.js";

/**
 * Structure of a decoded source string, queried by offsets in that source string (before NFKC).
 * Implementations build their tables lazily, on the first query.
 */
export interface FieldIndex {
  fieldAt(sourceOffset: number): FieldInfo | undefined;
  /** Number of records when the source is a table (CSV rows, SQL tuples, JSON records); undefined otherwise. */
  readonly records: number | undefined;
}
