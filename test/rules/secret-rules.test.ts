import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCsvFieldIndex } from "../../src/decode/csv-field-index.js";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { builtinRulesDir, loadRules } from "../../src/rules/load-rules.js";
import type { Rule } from "../../src/rules/rule-schema.js";
import { expandTemplate } from "../helpers/expand-template.js";

// The credential rule pack on its own: every rule against its samples, plus the pack's own
// promises (≥ 2 samples each way, keywords, docs link, en+ja remediation, bounded patterns).
const rules = loadRules(join(builtinRulesDir, "secrets"));
const compiled = compileRules(rules);

function samplePath(rule: Rule): string {
  const glob = rule.paths?.include[0];
  if (!glob) return "sample.txt";
  return glob.replace(/\*\*\//g, "").replace(/\{([^,}]+)[^}]*\}/g, "$1").replace(/\*/g, "sample");
}
function scan(rule: Rule, text: string) {
  // A sample that starts with "#csv" is a table (header line, then rows), as in rule-samples.test.ts.
  if (text.startsWith("#csv\n")) {
    const table = text.slice(5);
    const index = createCsvFieldIndex(table, ",");
    return scanUnit(compiled, { path: "sample.csv", text: table, fieldAt: (o) => index.fieldAt(o), keys: () => index.keys?.(), records: index.records }, { salt: "test" });
  }
  return scanUnit(compiled, { path: samplePath(rule), text }, { salt: "test" });
}

describe.each(rules.map((r) => [r.id, r] as const))("secret rule %s", (_id, rule) => {
  it.each(rule.samples.match.map((s) => [s]))("matches %s", (sample) => {
    const text = expandTemplate(sample);
    expect(scan(rule, text).map((f) => f.ruleId), `expanded sample:\n${text}`).toContain(rule.id);
  });
  it.each(rule.samples.nomatch.map((s) => [s]))("does not match %s", (sample) => {
    const text = expandTemplate(sample);
    // Weak values in a credential position are graded low (weak-value), not dropped.
    const strong = scan(rule, text).filter((f) => !f.tags.includes("weak-value"));
    expect(strong.map((f) => f.ruleId), `expanded sample:\n${text}`).not.toContain(rule.id);
  });
});

describe("secret rule pack", () => {
  it("has two samples each way, keywords, and a secret category for every rule", () => {
    const bad = rules.filter((r) => r.samples.match.length < 2 || r.samples.nomatch.length < 2 || (r.keywords.length === 0 && !r.paths?.include.length) || r.category !== "secret");
    expect(bad.map((r) => r.id)).toEqual([]);
  });
  it("uses ids of the form <provider>-<kind>", () => {
    expect(rules.filter((r) => !/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(r.id)).map((r) => r.id)).toEqual([]);
  });
  it("has no unbounded repetition of a broad class in any pattern", () => {
    const unbounded = rules.filter((r) => /(?:\[\\s\\S\]|\.)[*+]|\{\d+,\}/.test(r.pattern));
    expect(unbounded.map((r) => r.id)).toEqual([]);
  });
});
