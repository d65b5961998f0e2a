import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRuleFile } from "./parse-rule-file.js";
import type { Rule } from "./rule-schema.js";

/** The built-in rules folder shipped with the package. */
export const builtinRulesDir = fileURLToPath(new URL("../../rules/", import.meta.url));

/** Loads every `*.yml` rule file under `dir` (recursively), in a stable order by rule id. */
export function loadRules(dir: string = builtinRulesDir): Rule[] {
  const files = listYaml(dir);
  const rules: Rule[] = [];
  const origin = new Map<string, string>();
  for (const file of files) {
    const name = relative(join(dir, ".."), file);
    for (const rule of parseRuleFile(name, readFileSync(file, "utf8"))) {
      const first = origin.get(rule.id);
      if (first) throw new Error(`${name}: rule id ${rule.id} is already defined in ${first}`);
      origin.set(rule.id, name);
      rules.push(rule);
    }
  }
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYaml(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}
