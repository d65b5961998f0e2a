import { createLineLocator } from "../decode/create-line-locator.js";
import type { Finding, Location, TextUnit } from "../engine/types.js";

type At = { line: number; column: number };

/**
 * Reads a finding's raw value back from the decoded unit it was found in (for live verification
 * only, in memory): the offsets whose locations are the finding's first and last character (the
 * engine reports `locate(start)` and `locate(end - 1)`), found by binary search over the unit's
 * locator (plain lines and code-point columns when it has none). The value must agree with the
 * redacted preview's visible ends; otherwise (a locator that is not monotonic, a value spread
 * over cells) the answer is undefined and the finding is reported `unknown`.
 */
export function readUnitValue(finding: Finding, unit: TextUnit): string | undefined {
  const { line, column, endLine, endColumn } = finding;
  if (line === null || column === null || endLine === null || endColumn === null || unit.text.length === 0) return undefined;
  const firstLine = unit.firstLine ?? 1;
  const plain = unit.locate ? undefined : createLineLocator(unit.text);
  const locate = (offset: number): Location => {
    if (unit.locate) return unit.locate(offset);
    const at = plain!(offset);
    return { line: at.line + firstLine - 1, column: at.column };
  };
  const start = firstAtOrAfter(locate, unit.text.length, { line, column }, 0);
  if (start === undefined || !same(locate(start), { line, column })) return undefined;
  const last = firstAtOrAfter(locate, unit.text.length, { line: endLine, column: endColumn - 1 }, start);
  if (last === undefined || !same(locate(last), { line: endLine, column: endColumn - 1 })) return undefined;
  const code = unit.text.charCodeAt(last);
  const end = code >= 0xd800 && code <= 0xdbff ? last + 2 : last + 1;
  const value = unit.text.slice(start, end);
  return agrees(value, finding.redacted) ? value : undefined;
}

function compare(a: Location, b: At): number {
  return (a.line ?? 0) - b.line || (a.column ?? 0) - b.column;
}

function same(a: Location, b: At): boolean {
  return compare(a, b) === 0 && !a.pathSuffix;
}

/** The smallest offset in [from, length) whose location is at or after `target`. */
function firstAtOrAfter(locate: (offset: number) => Location, length: number, target: At, from: number): number | undefined {
  let lo = from;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(locate(mid), target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < length ? lo : undefined;
}

/** The visible ends of a redacted preview (`ghp_****…9aZ1`) must be the value's ends. */
function agrees(value: string, redacted: string): boolean {
  const stars = redacted.indexOf("****");
  if (stars < 0 || value.length === 0) return false;
  const head = redacted.slice(0, stars);
  const ell = redacted.indexOf("…", stars);
  const tail = ell >= 0 ? redacted.slice(ell + 1) : "";
  return value.startsWith(head) && value.endsWith(tail);
}
