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
 * The post-processing chain over one file's findings: PII below `pii.minConfidence` and
 * credentials below `minConfidence` -> author credits unless `pii.authorCredits` ->
 * accepted fingerprints (config `allow` and `.mamoriignore`) -> stable order (path, line,
 * column, severity, rule).
 */
export function filterFindings(findings: Finding[], ctx: FilterContext): Finding[] {
  const min = RANK[ctx.config.pii.minConfidence];
  const minSecret = RANK[ctx.config.minConfidence ?? "low"];
  const allowed = ctx.config.allow.length > 0 ? new Set([...ctx.config.allow.map((a) => a.fingerprint), ...ctx.ignoredFingerprints]) : ctx.ignoredFingerprints;
  const credits = ctx.config.pii.authorCredits;
  const out = findings.filter(
    (f) =>
      !(f.category === "pii" && (RANK[f.confidence] < min || (!credits && f.tags.includes("author-credit")))) &&
      !(f.category === "secret" && RANK[f.confidence] < minSecret) &&
      !allowed.has(f.fingerprint),
  );
  // The engine emits each unit's findings in order; sort only when units interleave.
  for (let i = 1; i < out.length; i++) {
    if (compare(out[i - 1], out[i]) > 0) return out.sort(compare);
  }
  return out;
}

function compare(a: Finding, b: Finding): number {
  return cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || SEVERITY[a.severity] - SEVERITY[b.severity] || cmp(a.ruleId, b.ruleId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
