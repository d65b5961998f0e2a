import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRuleFile } from "./parse-rule-file.js";
import type { Rule } from "./rule-schema.js";

/** The built-in rules folder shipped with the package. */
export const builtinRulesDir = fileURLToPath(new URL("../../rules/", import.meta.url));

/**
 * The parsed rules of a rules folder, written by `npm run build` (writeRulesCache): parsing and
 * validating ~450 rules of YAML costs about a second, reading them back as JSON a few ms.
 */
export const rulesCachePath = fileURLToPath(new URL("./rules-cache.json", import.meta.url));

export interface RulesCache {
  /** hashRuleTexts of the files the rules were parsed from. */
  hash: string;
  rules: Rule[];
}

/**
 * Loads every `*.yml` rule file under `dir` (recursively), in a stable order by rule id. When
 * the rules cache was parsed from files with exactly these names and contents, its rules are
 * returned instead of parsing the YAML again (any change to a file makes the cache unused).
 */
export function loadRules(dir: string = builtinRulesDir, cachePath: string = rulesCachePath): Rule[] {
  const files = readRuleTexts(dir);
  const cached = readCache(cachePath, hashRuleTexts(files));
  if (cached) return cached;
  return parseRuleTexts(files);
}

/** Parses rule files given as text (names relative to the rules folder's parent), sorted by rule id. */
export function parseRuleTexts(files: readonly { name: string; text: string }[]): Rule[] {
  const rules: Rule[] = [];
  const origin = new Map<string, string>();
  for (const { name, text } of files) {
    for (const rule of parseRuleFile(name, text)) {
      const first = origin.get(rule.id);
      if (first) throw new Error(`${name}: rule id ${rule.id} is already defined in ${first}`);
      origin.set(rule.id, name);
      rules.push(rule);
    }
  }
  return rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One hash over the names and contents of rule files, in order. */
export function hashRuleTexts(files: readonly { name: string; text: string }[]): string {
  const h = createHash("sha256");
  for (const { name, text } of files) h.update(`${name.length}:${name}${Buffer.byteLength(text)}:`).update(text);
  return h.digest("hex");
}

function readCache(path: string, hash: string): Rule[] | undefined {
  let cache: RulesCache;
  try {
    cache = JSON.parse(readFileSync(path, "utf8")) as RulesCache;
  } catch {
    return undefined; // not built (running from sources) or unreadable: parse the YAML
  }
  return cache.hash === hash && Array.isArray(cache.rules) ? cache.rules : undefined;
}

/** The rule files under `dir`, for the rules cache: names relative to the folder's parent, with their text. */
export function readRuleTexts(dir: string = builtinRulesDir): { name: string; text: string }[] {
  return listYaml(dir).map((file) => ({ name: relative(join(dir, ".."), file), text: readFileSync(file, "utf8") }));
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
