import type { Finding } from "../../src/engine/types.js";

/** A PII finding with defaults; only what impact reads matters. */
export function finding(partial: Partial<Finding> & Pick<Finding, "path" | "kind">): Finding {
  return {
    ruleId: `pii-${partial.kind}`,
    category: "pii",
    severity: "medium",
    confidence: "high",
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    redacted: "****",
    fingerprint: "fp",
    valueHash: `${partial.kind}:${partial.line ?? 1}`,
    tags: [],
    ...partial,
  };
}
