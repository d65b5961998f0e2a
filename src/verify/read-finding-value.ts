import type { Finding } from "../engine/types.js";

/**
 * Reads a single-line finding's raw value back from the text it was found in (characters
 * `column`…`endColumn` of its line), for live verification only. Returns undefined when the
 * finding spans lines, has no position, or the text there does not agree with the redacted
 * preview (a decoded or re-encoded file): such a finding is reported as `unknown`.
 */
export function readFindingValue(finding: Finding, textOf: (path: string) => string | undefined): string | undefined {
  const { line, column, endLine, endColumn } = finding;
  if (line === null || column === null || endColumn === null || endLine !== line) return undefined;
  const text = textOf(finding.path);
  if (text === undefined) return undefined;
  const lineText = text.split("\n", line)[line - 1];
  if (lineText === undefined) return undefined;
  const value = [...lineText].slice(column - 1, endColumn - 1).join("");
  return agrees(value, finding.redacted) ? value : undefined;
}

/** The visible ends of a redacted preview (`ghp_****…9aZ1`) must be the value's ends. */
function agrees(value: string, redacted: string): boolean {
  if (value.length === 0) return false;
  const stars = redacted.indexOf("****");
  if (stars < 0) return false;
  const head = redacted.slice(0, stars);
  const ell = redacted.indexOf("…", stars);
  const tail = ell >= 0 ? redacted.slice(ell + 1) : "";
  return value.startsWith(head) && value.endsWith(tail);
}
