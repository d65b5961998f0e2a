import { Minimatch } from "minimatch";
import type { Mask, Rule } from "../rules/rule-schema.js";
import type { KeywordAutomaton } from "./create-keyword-automaton.js";
import { indexRuleKeywords } from "./index-rule-keywords.js";
import { validators as builtinValidators } from "./validators/index.js";
import type { Validator } from "./validators/types.js";

export interface CompiledRule {
  rule: Rule;
  regex: RegExp;
  /** Index or name of the capture group that holds the value (0: the whole match). */
  group: number | string;
  validator?: Validator;
  contextWords: string[];
  contextKeys: RegExp[];
  denyWords: string[];
  denyKeys: RegExp[];
  allowPatterns: RegExp[];
  allowLines: RegExp[];
  stopwords: string[];
  include: Minimatch[];
  exclude: Minimatch[];
  mask: Mask;
  /** Lower wins when two findings of one category overlap: specific rules beat generic ones. */
  priority: number;
  /** Context is required and can only come from a column or key (no words near the value). */
  keyOnly: boolean;
  /** Keys that make a whole table about something else, unless one of `unless` is there too. */
  tableDeny?: { keys: RegExp[]; unless: RegExp[] };
}

export interface CompiledRules {
  rules: CompiledRule[];
  automaton: KeywordAutomaton;
  /** For each distinct keyword, the indexes of the rules it enables. */
  keywordRules: number[][];
  /** For each rule, the ids of its distinct keywords (the inverse of `keywordRules`). */
  ruleKeywords: number[][];
  /** Rules with no keywords: they run on every unit. */
  alwaysRules: number[];
}

/** A rule that cannot be compiled: names the rule and the key. */
export class RuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly key: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`rule ${ruleId}: ${key}: ${message}`, options);
    this.name = "RuleError";
  }
}

/**
 * Builds a rule's regular expressions. Default: JavaScript's RegExp. The app passes a factory
 * that compiles repository-supplied (`custom`) rules with a linear-time engine (RE2); whatever
 * it throws becomes a RuleError naming the rule and the key.
 */
export type RegexFactory = (source: string, flags: string, rule: Rule) => RegExp;

export interface CompileOptions {
  createRegex?: RegexFactory;
}

const jsRegex: RegexFactory = (source, flags) => new RegExp(source, flags);

function compileRegex(rule: Rule, key: string, source: string, flags: string, create: RegexFactory = jsRegex): RegExp {
  const ruleId = rule.id;
  try {
    return create(source, flags, rule);
  } catch (err) {
    throw new RuleError(ruleId, key, `not a valid regular expression (${(err as Error).message})`, { cause: err });
  }
}

export function compileRules(
  rules: readonly Rule[],
  extraValidators: Readonly<Record<string, Validator>> = {},
  options: CompileOptions = {},
): CompiledRules {
  const validators = { ...builtinValidators, ...extraValidators };
  const create = options.createRegex;
  const seenIds = new Set<string>();
  const compiled: CompiledRule[] = [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule) => {
      if (seenIds.has(rule.id)) throw new RuleError(rule.id, "id", "defined twice");
      seenIds.add(rule.id);
      const regex = compileRegex(rule, "pattern", rule.pattern, `dgu${[...new Set(rule.flags)].join("")}`, create);
      const groupNames = /\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rule.pattern);
      const groupCount = compileRegex(rule, "pattern", `(?:${rule.pattern})|`, "u", create).exec("")!.length - 1;
      let group: number | string;
      if (rule.group !== undefined) {
        if (typeof rule.group === "number" && rule.group > groupCount)
          throw new RuleError(rule.id, "group", `the pattern has only ${groupCount} capture groups`);
        if (typeof rule.group === "string" && !rule.pattern.includes(`(?<${rule.group}>`))
          throw new RuleError(rule.id, "group", `the pattern has no group named ${rule.group}`);
        group = rule.group;
      } else if (groupNames && rule.pattern.includes("(?<value>")) group = "value";
      else group = groupCount >= 1 ? 1 : 0;
      let validator: Validator | undefined;
      if (rule.validator) {
        validator = validators[rule.validator];
        if (!validator)
          throw new RuleError(rule.id, "validator", `unknown validator "${rule.validator}" (known: ${Object.keys(validators).sort().join(", ")})`);
      }
      const ctx = rule.context;
      return {
        rule,
        regex,
        group,
        validator,
        contextWords: (ctx?.words ?? []).map((w) => w.toLowerCase()),
        contextKeys: (ctx?.keys ?? []).map((k, i) => compileRegex(rule, `context.keys[${i}]`, k, "iu", create)),
        denyWords: (ctx?.deny ?? []).map((w) => w.toLowerCase()),
        denyKeys: (ctx?.denyKeys ?? []).map((k, i) => compileRegex(rule, `context.denyKeys[${i}]`, k, "iu", create)),
        allowPatterns: (rule.allow?.patterns ?? []).map((p, i) => compileRegex(rule, `allow.patterns[${i}]`, p, "u", create)),
        allowLines: (rule.allow?.lines ?? []).map((p, i) => compileRegex(rule, `allow.lines[${i}]`, p, "u", create)),
        stopwords: (rule.allow?.stopwords ?? []).map((w) => w.toLowerCase()),
        include: (rule.paths?.include ?? []).map((g) => new Minimatch(g, { dot: true, matchBase: !g.includes("/") })),
        exclude: (rule.paths?.exclude ?? []).map((g) => new Minimatch(g, { dot: true, matchBase: !g.includes("/") })),
        mask: rule.mask ?? defaultMask(rule),
        priority: rule.id.startsWith("generic-") ? 1 : 0,
        keyOnly: ctx !== undefined && ctx.required && ctx.keys.length > 0 && ctx.words.length === 0,
        ...(ctx?.tableDeny
          ? {
              tableDeny: {
                keys: ctx.tableDeny.keys.map((k, i) => compileRegex(rule, `context.tableDeny.keys[${i}]`, k, "iu", create)),
                unless: ctx.tableDeny.unless.map((k, i) => compileRegex(rule, `context.tableDeny.unless[${i}]`, k, "iu", create)),
              },
            }
          : {}),
      };
    });

  return indexRuleKeywords(compiled);
}

function defaultMask(rule: Rule): Mask {
  if (rule.category === "secret") return "secret";
  if (rule.kind.includes("email")) return "email";
  if (rule.kind.includes("name")) return "name";
  if (rule.kind.includes("address")) return "address";
  return "digits";
}
