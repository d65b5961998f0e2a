import RE2 from "re2";
import type { RegexFactory } from "../engine/compile-rules.js";

/**
 * The regex factory for a job's rules: rules whose id is in `customIds` (from the repository's
 * `.github/mamori.yml`) compile with RE2, whose matching time is linear in the input, so a
 * hostile pattern cannot stall a worker; built-in rules keep JavaScript's RegExp. A pattern RE2
 * cannot compile (lookaround, backreferences) throws, and compileRules names the rule.
 */
export function customRuleRegex(customIds: ReadonlySet<string>): RegexFactory {
  return (source, flags, rule) => {
    if (!customIds.has(rule.id)) return new RegExp(source, flags);
    try {
      return new RE2(source, flags) as unknown as RegExp;
    } catch (error) {
      throw new Error(`custom rules run on RE2, which has no lookaround or backreferences: ${(error as Error).message}`);
    }
  };
}
