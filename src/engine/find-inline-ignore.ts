/**
 * Inline suppressions on the finding's line (or the line before, for the *-next-line forms):
 * `mamori:ignore`, `mamori:ignore rule-id[,rule-id]`, and the comments users of other
 * scanners already have: `gitleaks:allow`, `pragma: allowlist secret`, `secretlint-disable-line`,
 * `secretlint-disable-next-line`, `mamori:ignore-next-line`.
 */
const SAME_LINE = /mamori:ignore(?!-next-line)(?:[ \t]+([a-z0-9][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9-]*)*))?|gitleaks:allow|pragma:[ \t]*allowlist[ \t]+secret|secretlint-disable-line/;
const NEXT_LINE = /mamori:ignore-next-line(?:[ \t]+([a-z0-9][a-z0-9-]*(?:[ \t]*,[ \t]*[a-z0-9][a-z0-9-]*)*))?|secretlint-disable-next-line|pragma:[ \t]*allowlist[ \t]+nextline[ \t]+secret/;

export function findInlineIgnore(line: string, previousLine: string | undefined, ruleId: string, kind = ruleId): boolean {
  return matches(SAME_LINE, line, ruleId, kind) || (previousLine !== undefined && matches(NEXT_LINE, previousLine, ruleId, kind));
}

/** A marker followed by ids applies to those rule ids or kinds only. */
function matches(re: RegExp, line: string, ruleId: string, kind: string): boolean {
  if (line.length === 0) return false;
  const m = re.exec(line);
  if (!m) return false;
  // Rule ids always contain a hyphen; other words after the marker are a free-text reason.
  const ids = (m[1] ?? "").split(",").map((id) => id.trim()).filter((id) => id.includes("-"));
  return ids.length === 0 || ids.includes(ruleId) || ids.includes(kind);
}
