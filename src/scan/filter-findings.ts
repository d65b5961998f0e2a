import type { Config } from "../config/config-schema.js";
import type { Confidence } from "../rules/rule-schema.js";
import type { Finding } from "../engine/types.js";

export interface FilterContext {
  config: Config;
  ignoredFingerprints: ReadonlySet<string>;
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
const SEVERITY = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/**
 * The post-processing chain: PII below the configured confidence -> accepted fingerprints
 * (config `allow` and `.mamoriignore`) -> duplicates (one finding per fingerprint and line)
 * -> stable order (path, line, column, rule).
 */
export function filterFindings(findings: Finding[], ctx: FilterContext): Finding[] {
  const min = RANK[ctx.config.pii.minConfidence];
  const allowed = new Set([...ctx.config.allow.map((a) => a.fingerprint), ...ctx.ignoredFingerprints]);
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.category === "pii" && RANK[f.confidence] < min) continue;
    if (allowed.has(f.fingerprint)) continue;
    const key = `${f.fingerprint}\0${f.path}\0${f.line}\0${f.column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort(
    (a, b) =>
      cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || SEVERITY[a.severity] - SEVERITY[b.severity] || cmp(a.ruleId, b.ruleId),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
