import type { CompiledRule, CompiledRules } from "./compile-rules.js";
import { createKeywordAutomaton } from "./create-keyword-automaton.js";

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
  const rules = compiled.rules.filter(keep);
  const keywordIds = new Map<string, number>();
  const keywordRules: number[][] = [];
  const alwaysRules: number[] = [];
  rules.forEach((c, index) => {
    if (c.rule.keywords.length === 0) {
      alwaysRules.push(index);
      return;
    }
    for (const raw of c.rule.keywords) {
      const k = raw.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
      let id = keywordIds.get(k);
      if (id === undefined) {
        id = keywordRules.length;
        keywordIds.set(k, id);
        keywordRules.push([]);
      }
      if (!keywordRules[id].includes(index)) keywordRules[id].push(index);
    }
  });
  out = { rules, automaton: createKeywordAutomaton([...keywordIds.keys()]), keywordRules, alwaysRules };
  byName.set(name, out);
  return out;
}
