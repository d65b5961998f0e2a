import type { CompiledRule, CompiledRules } from "./compile-rules.js";
import { createKeywordAutomaton } from "./create-keyword-automaton.js";

/**
 * The keyword index of compiled rules: one automaton over every rule's keywords (lower-cased ASCII),
 * the rules each keyword wakes, and the rules without keywords that run on every line.
 */
export function indexRuleKeywords(rules: CompiledRule[]): CompiledRules {
  const keywordIds = new Map<string, number>();
  const keywordRules: number[][] = [];
  const alwaysRules: number[] = [];
  const ruleKeywords: number[][] = rules.map(() => []);
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
      if (!keywordRules[id].includes(index)) {
        keywordRules[id].push(index);
        ruleKeywords[index].push(id);
      }
    }
  });
  return { rules, automaton: createKeywordAutomaton([...keywordIds.keys()]), keywordRules, ruleKeywords, alwaysRules };
}
