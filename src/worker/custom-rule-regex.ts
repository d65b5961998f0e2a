import { createRequire } from "node:module";
import type { RegexFactory } from "../engine/compile-rules.js";

type Re2 = new (source: string, flags?: string) => RegExp;
let re2: Re2 | undefined;

/**
 * The regex factory for a job's rules: rules whose id is in `customIds` (from the repository's
 * `.github/mamori.yml`) compile with RE2, whose matching time is linear in the input, so a
 * hostile pattern cannot stall a worker; built-in rules keep JavaScript's RegExp. A pattern RE2
 * cannot compile (lookaround, backreferences) throws, and compileRules names the rule.
 */
export function customRuleRegex(customIds: ReadonlySet<string>): RegexFactory {
  return (source, flags, rule) => {
    if (!customIds.has(rule.id)) return new RegExp(source, flags);
    const RE2 = loadRe2();
    try {
      return new RE2(source, flags);
    } catch (error) {
      throw new Error(`custom rules run on RE2, which has no lookaround or backreferences: ${(error as Error).message}`);
    }
  };
}

/**
 * re2 is a native module, loaded on the first custom rule: `mamori --version`, `--help` and scans
 * without custom rules work where it could not be built (an `npm install --ignore-scripts`); a
 * custom rule then fails closed, saying why.
 */
function loadRe2(): Re2 {
  if (!re2) {
    try {
      re2 = createRequire(import.meta.url)("re2") as Re2;
    } catch (error) {
      throw new Error(`custom rules run on RE2, whose native module could not be loaded (${(error as Error).message.split("\n")[0]}); reinstall Mamori with its install scripts or run \`npm rebuild re2\``);
    }
  }
  return re2;
}
