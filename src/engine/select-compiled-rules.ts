import type { CompiledRule, CompiledRules } from "./compile-rules.js";
import { indexRuleKeywords } from "./index-rule-keywords.js";

const cache = new WeakMap<CompiledRules, Map<string, CompiledRules>>();

/**
 * The compiled rules that pass `keep`, with their own keyword automaton (the rules themselves are
 * shared, not recompiled). Scanning with the subset gives exactly the findings of the whole set
 * that `keep` accepts, as long as `keep` keeps or drops whole categories (overlaps are settled
 * within a category). Cached per set and `name`.
 */
export function selectCompiledRules(compiled: CompiledRules, name: string, keep: (rule: CompiledRule) => boolean): CompiledRules {
  let byName = cache.get(compiled);
  if (!byName) cache.set(compiled, (byName = new Map()));
  let out = byName.get(name);
  if (out) return out;
  out = indexRuleKeywords(compiled.rules.filter(keep));
  byName.set(name, out);
  return out;
}
