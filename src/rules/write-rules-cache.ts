// `node lib/rules/write-rules-cache.js` (run by `npm run build`): parses the built-in rules once
// and writes them with the hash of their files to lib/rules/rules-cache.json, which loadRules
// reads instead of the YAML while the files are unchanged.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { builtinRulesDir, hashRuleTexts, parseRuleTexts, readRuleTexts, rulesCachePath, type RulesCache } from "./load-rules.js";

/** Writes the rules cache of `dir` to `out`; returns the number of rules. */
export function writeRulesCache(dir: string = builtinRulesDir, out: string = rulesCachePath): number {
  const files = readRuleTexts(dir);
  const cache: RulesCache = { hash: hashRuleTexts(files), rules: parseRuleTexts(files) };
  writeFileSync(out, JSON.stringify(cache));
  return cache.rules.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeRulesCache();
