import type { FieldInfo } from "../engine/types.js";

/**
 * Structure of a decoded source string, queried by offsets in that source string (before NFKC).
 * Implementations build their tables lazily, on the first query.
 */
export interface FieldIndex {
  fieldAt(sourceOffset: number): FieldInfo | undefined;
  /** The distinct keys `fieldAt` can return (absent: unknown), so the engine can skip column rules no key serves. */
  keys?(): Iterable<string>;
  /** Number of records when the source is a table (CSV rows, SQL tuples, JSON records); undefined otherwise. */
  readonly records: number | undefined;
}
