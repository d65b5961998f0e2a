import type { Location, TextUnit } from "./types.js";

/** Offsets where each line of `text` starts (for `locateIn` on units without their own `locate`). */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The original location of an offset of a unit: its own `locate`, else line and code-point column of its text. */
export function locateIn(unit: TextUnit, lineStarts: number[], offset: number): Location {
  if (unit.locate) return unit.locate(offset);
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const column = [...unit.text.slice(lineStarts[lo], offset)].length + 1;
  return { line: lo + (unit.firstLine ?? 1), column };
}
