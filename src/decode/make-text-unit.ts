import type { Location, TextUnit } from "../engine/types.js";
import { createLineLocator } from "./create-line-locator.js";
import type { FieldIndex } from "./field-index.js";
import { normalizeWithMap } from "./normalize-with-map.js";

/**
 * Builds a TextUnit from a decoded source string (the original file's text without BOM):
 * `text` is its NFKC form, `locate` maps back to the source's line and code-point column,
 * `fieldAt` / `records` come from the optional structure index (queried in source offsets).
 */
export function makeTextUnit(path: string, source: string, fields?: (source: string) => FieldIndex): TextUnit {
  const norm = normalizeWithMap(source);
  const lineCol = createLineLocator(source);
  const unit: TextUnit = {
    path,
    text: norm.text,
    locate: (offset: number): Location => lineCol(norm.toSource(offset)),
  };
  if (fields) {
    let index: FieldIndex | undefined;
    const get = (): FieldIndex => (index ??= fields(source));
    unit.fieldAt = (offset: number) => get().fieldAt(norm.toSource(offset));
    Object.defineProperty(unit, "records", { get: () => get().records, enumerable: true, configurable: true });
  }
  return unit;
}
