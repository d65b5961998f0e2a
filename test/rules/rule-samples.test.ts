import { describe, expect, it } from "vitest";
import { createCsvFieldIndex } from "../../src/decode/csv-field-index.js";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { loadRules } from "../../src/rules/load-rules.js";
import type { Rule } from "../../src/rules/rule-schema.js";
import { expandTemplate } from "../helpers/expand-template.js";

// Every built-in rule against its own samples, with all the other rules loaded as in real use.
const rules = loadRules();
const compiled = compileRules(rules);

function samplePath(rule: Rule): string {
  const glob = rule.paths?.include[0];
  if (!glob) return "sample.txt";
  return glob.replace(/\*\*\//g, "").replace(/\{([^,}]+)[^}]*\}/g, "$1").replace(/\*/g, "sample");
}

function scan(rule: Rule, text: string) {
  // A sample that starts with "#csv" is a table (header line, then rows): column rules need one.
  if (text.startsWith("#csv\n")) {
    const table = text.slice(5);
    const index = createCsvFieldIndex(table, ",");
    return scanUnit(compiled, { path: "sample.csv", text: table, fieldAt: (o) => index.fieldAt(o), keys: () => index.keys?.(), records: index.records }, { salt: "test" });
  }
  return scanUnit(compiled, { path: samplePath(rule), text }, { salt: "test" });
}

describe.each(rules.map((r) => [r.id, r] as const))("rule %s", (_id, rule) => {
  it.each(rule.samples.match.map((s) => [s]))("matches %s", (sample) => {
    const text = expandTemplate(sample);
    const ids = scan(rule, text).map((f) => f.ruleId);
    expect(ids, `expanded sample:\n${text}`).toContain(rule.id);
  });
  it.each(rule.samples.nomatch.map((s) => [s]))("does not match %s", (sample) => {
    const text = expandTemplate(sample);
    // A weak value in a credential position is found with low confidence (weak-value): a
    // `nomatch` sample must not give a finding that would be weighed as a credential.
    const ids = scan(rule, text).filter((f) => !f.tags.includes("weak-value")).map((f) => f.ruleId);
    expect(ids, `expanded sample:\n${text}`).not.toContain(rule.id);
  });
});

describe("rule set", () => {
  it("has unique ids in a stable order", () => {
    const ids = rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });
  it("gives every rule keywords, except PII rules that document why they cannot have any", () => {
    // A secret rule without keywords must be limited to the few files it applies to.
    const without = rules.filter((r) => r.keywords.length === 0 && r.category === "secret" && !r.paths?.include.length).map((r) => r.id);
    expect(without).toEqual([]);
  });
});
