import { looksLikeHeader } from "./looks-like-header.js";

/** How many leading rows a table decoder passes to pickHeaderRow. */
export const PROBE_ROWS = 12;
const MAX_TITLE_ROWS = 5;

/**
 * The header row among a table's first rows (their fields): the first one that looks like a
 * header and has as many fields as most of the rows below it, so title rows above the real
 * header ("顧客一覧 2024年3月") are skipped. Falls back to a header-like first row of 2+ fields
 * (ragged rows); -1 when there is no header: every row is data.
 */
export function pickHeaderRow(fields: readonly (readonly string[])[]): number {
  const probe = fields.length;
  for (let h = 0; h < Math.min(probe, MAX_TITLE_ROWS); h++) {
    if (!looksLikeHeader(fields[h])) continue;
    const below = fields.slice(h + 1).map((f) => f.length);
    if (below.length === 0) return h;
    const counts = new Map<number, number>();
    for (const w of below) counts.set(w, (counts.get(w) ?? 0) + 1);
    const width = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    if (fields[h].length === width) return h;
  }
  return probe > 0 && fields[0].length >= 2 && looksLikeHeader(fields[0]) ? 0 : -1;
}
