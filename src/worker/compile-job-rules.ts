import { createHash } from "node:crypto";
import { compileRules, type CompiledRules } from "../engine/compile-rules.js";
import type { Rule } from "../rules/rule-schema.js";
import { customRuleRegex } from "./custom-rule-regex.js";

/** Compiled rule sets by the hash of the rules (most repositories share a few configurations). */
const cache = new Map<string, CompiledRules>();

/**
 * Compiles a job's rules (custom rules on RE2), cached per process or worker thread. Throws
 * RuleError (naming the rule) for a rule that does not compile.
 */
export function compileJobRules(rules: readonly Rule[], customIds: readonly string[]): CompiledRules {
  const key = createHash("sha256").update(JSON.stringify([rules, [...customIds].sort()])).digest("hex");
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileRules(rules, {}, { createRegex: customRuleRegex(new Set(customIds)) });
    if (cache.size >= 16) cache.delete(cache.keys().next().value!);
    cache.set(key, compiled);
  }
  return compiled;
}
