import type { Location, TextUnit } from "../engine/types.js";
import { createLineLocator } from "./create-line-locator.js";
import type { FieldIndex } from "./field-index.js";
import { normalizeWithMap } from "./normalize-with-map.js";
import { percentDecodeWithMap } from "./percent-decode-with-map.js";
import { unescapeUnicodeWithMap } from "./unescape-unicode-with-map.js";

const EMPTY: FieldIndex = { records: undefined, fieldAt: () => undefined };

function safeIndex(fields: (source: string) => FieldIndex, source: string): FieldIndex {
  let index: FieldIndex;
  try {
    index = fields(source);
  } catch {
    return EMPTY;
  }
  return {
    get records() {
      return index.records;
    },
    keys: index.keys
      ? () => {
          try {
            return index.keys!();
          } catch {
            return [];
          }
        }
      : undefined,
    fieldAt(offset: number) {
      try {
        return index.fieldAt(offset);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Builds a TextUnit from a decoded source string (the original file's text without BOM):
 * `text` is its NFKC form, `locate` maps back to the source's line and code-point column,
 * `fieldAt` / `records` come from the optional structure index (queried in source offsets),
 * built on first use. Hints: `plain` (known from the bytes: nothing to normalise),
 * `mayHaveRecords` (a cheap test; when false `records` is undefined without building the index),
 * `unescape` (decode `\uXXXX` escapes of non-ASCII characters first: JSON, .properties),
 * `percent` (decode percent-encoded query-string parameters: access logs, HAR),
 * `astral` (false when the bytes cannot hold characters beyond U+FFFF: columns need no scan),
 * `codeRecords` (records are literals in source code or YAML, not lines: see TextUnit).
 */
export function makeTextUnit(
  path: string,
  source: string,
  fields?: (source: string) => FieldIndex,
  hints: { plain?: boolean; mayHaveRecords?: (source: string) => boolean; unescape?: boolean; percent?: boolean; astral?: boolean; codeRecords?: boolean } = {},
): TextUnit {
  // layers: source --(\uXXXX decoded, JSON/.properties)--> --(query strings percent-decoded, logs/HAR)--> --(NFKC)--> text
  let layer = { text: source, toSource: (o: number): number => o, changed: false };
  if (hints.unescape) {
    const u = unescapeUnicodeWithMap(source);
    if (u.changed) layer = { text: u.text, toSource: (o) => u.toSource(o), changed: true };
  }
  if (hints.percent) {
    const p = percentDecodeWithMap(layer.text);
    if (p.changed) {
      const below = layer.toSource;
      layer = { text: p.text, toSource: (o) => below(p.toSource(o)), changed: true };
    }
  }
  const norm = layer.changed ? normalizeWithMap(layer.text) : normalizeWithMap(source, hints.plain);
  const toSource = layer.changed ? (o: number): number => layer.toSource(norm.toSource(o)) : (o: number): number => norm.toSource(o);
  const lineCol = createLineLocator(source, hints.astral ?? true);
  const unit: TextUnit = {
    path,
    text: norm.text,
    locate: (offset: number): Location => lineCol(toSource(offset)),
  };
  if (fields) {
    let index: FieldIndex | undefined;
    // built lazily, i.e. after decodeFile returned: a failure here must not escape into the engine
    const get = (): FieldIndex => (index ??= safeIndex(fields, source));
    unit.fieldAt = (offset: number) => get().fieldAt(toSource(offset));
    unit.keys = () => get().keys?.();
    // `records` is read for every unit; a hint spares building the index of e.g. a config JSON
    const records = (): number | undefined => (index || !hints.mayHaveRecords || hints.mayHaveRecords(source) ? get().records : undefined);
    Object.defineProperty(unit, "records", { get: records, enumerable: true, configurable: true });
    if (hints.codeRecords) unit.codeRecords = true;
  }
  return unit;
}
