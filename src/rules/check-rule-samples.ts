import { createCsvFieldIndex } from "../decode/csv-field-index.js";
import type { CompiledRules } from "../engine/compile-rules.js";
import { scanUnit } from "../engine/scan-unit.js";
import { expandTemplate } from "./expand-template.js";
import type { Rule } from "./rule-schema.js";

/**
 * Runs rules against their own samples (templates expanded) with the whole compiled rule set, as
 * the built-in rules are checked in the tests: every `match` sample must give a finding of the
 * rule, no `nomatch` sample may. Used for custom rules at load, so a rule that does not do what
 * its author showed is an error instead of a silent gap. Returns one line per broken sample,
 * named by its place (`samples.match[2]`): a sample is meant to look like a live value, so it is
 * never quoted (it could be one).
 */
export function checkRuleSamples(rules: readonly Rule[], compiled: CompiledRules): string[] {
  const problems: string[] = [];
  for (const rule of rules) {
    const path = samplePath(rule);
    const run = (sample: string, at: string) => {
      try {
        const text = expandTemplate(sample);
        // A sample that starts with "#csv" is a table (header line, then rows), as in the built-in rule files.
        const unit = text.startsWith("#csv\n") ? csvUnit(text.slice(5)) : { path, text };
        return scanUnit(compiled, unit, { salt: "samples" }).some((f) => f.ruleId === rule.id);
      } catch (error) {
        problems.push(`rule ${rule.id}: ${at} cannot be expanded: ${(error as Error).message}`);
        return undefined;
      }
    };
    rule.samples.match.forEach((sample, i) => {
      if (run(sample, `samples.match[${i}]`) === false) problems.push(`rule ${rule.id}: samples.match[${i}] gives no finding`);
    });
    rule.samples.nomatch.forEach((sample, i) => {
      if (run(sample, `samples.nomatch[${i}]`) === true) problems.push(`rule ${rule.id}: samples.nomatch[${i}] gives a finding`);
    });
  }
  return problems;
}

function csvUnit(table: string) {
  const index = createCsvFieldIndex(table, ",");
  return { path: "sample.csv", text: table, fieldAt: (o: number) => index.fieldAt(o), records: index.records };
}

/** A file name the rule's path filter accepts (a rule limited to `**\/*.env` gets `sample.env`). */
function samplePath(rule: Rule): string {
  const glob = rule.paths?.include[0];
  if (!glob) return "sample.txt";
  return glob.replace(/\*\*\//g, "").replace(/\{([^,}]+)[^}]*\}/g, "$1").replace(/\*/g, "sample");
}
