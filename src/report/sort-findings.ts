import type { Finding } from "../engine/types.js";

/**
 * Findings in report order: path, line, column, rule id (then end position and fingerprint, so
 * the order is total and every report is byte-for-byte reproducible). Paths compare by code
 * unit, not locale, so the order does not depend on the machine. A null line sorts first.
 * Returns a new array; the input is not changed.
 */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      cmp(a.path, b.path) ||
      num(a.line) - num(b.line) ||
      num(a.column) - num(b.column) ||
      cmp(a.ruleId, b.ruleId) ||
      num(a.endLine) - num(b.endLine) ||
      num(a.endColumn) - num(b.endColumn) ||
      cmp(a.fingerprint, b.fingerprint),
  );
}

function num(n: number | null): number {
  return n ?? 0;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
