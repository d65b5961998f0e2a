import { randomBytes } from "node:crypto";
import { makeTextUnit } from "../decode/make-text-unit.js";
import { compileRules, type CompiledRules } from "../engine/compile-rules.js";
import { scanUnit } from "../engine/scan-unit.js";
import { loadRules } from "../rules/load-rules.js";
import type { Rule } from "../rules/rule-schema.js";

let builtin: CompiledRules | undefined;
let shaped: CompiledRules | undefined;
/** A throw-away key: fingerprints of an error message are never shown or kept. */
const KEY = randomBytes(32);

/**
 * An error message (or any text bound for a terminal, a check run, a log or a report) with every
 * value the rules find in it replaced by its redacted preview, as findings are shown: a secret
 * or a phone number in a broken config line, an unknown rule id or a key name comes out as
 * `ghp_****…9aZ1`, `090-****-5678`. Whatever the thresholds: the built-in rules run as in a scan,
 * and the personal values of a fixed shape run again without their keyword, label and path
 * conditions (a bare My Number or phone number in a broken config line is hidden, though a report
 * would need a 個人番号 label beside it). `compiled` (a job's rules: its custom rules) runs too. Never throws: if the rules cannot
 * run, the text is withheld rather than shown raw.
 */
export function redactErrorText(text: string, compiled?: CompiledRules): string {
  if (text.length === 0) return text;
  try {
    // Scanned as a YAML file: configuration lines (`token: …`) are name/value pairs to the rules.
    const unit = (t = text) => makeTextUnit("error.yml", t);
    const findings = [];
    for (const rules of [(builtin ??= compileRules(loadRules())), compiled]) if (rules) findings.push(...scanUnit(rules, unit(), { salt: "error", key: KEY }));
    // Personal values of a fixed shape, wherever they stand: also once with the dots, slashes and
    // underscores of a key path (`pii.<value>`) read as spaces (same offsets), which would
    // otherwise glue a number to its neighbours.
    shaped ??= compileRules(loadRules().filter(isShaped).map(anywhere));
    for (const t of new Set([text, text.replace(/[./_]/g, " ")])) findings.push(...scanUnit(shaped, unit(t), { salt: "error", key: KEY }));
    if (findings.length === 0) return text;
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    const offset = (line: number, column: number) => advanceCodePoints(text, starts[line - 1] ?? text.length, column - 1);
    const spans = findings
      .filter((f) => f.line !== null && f.column !== null)
      .map((f) => ({ start: offset(f.line!, f.column!), end: offset(f.endLine ?? f.line!, f.endColumn ?? f.column!), redacted: f.redacted }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let out = "";
    let at = 0;
    for (const s of spans) {
      if (s.start < at) {
        // Overlapping finding: extend the hidden part, never show its tail.
        at = Math.max(at, s.end);
        continue;
      }
      out += text.slice(at, s.start) + s.redacted;
      at = s.end;
    }
    return out + text.slice(at);
  } catch {
    return "(message withheld: it could not be checked for secrets)";
  }
}

/**
 * A personal value of a fixed shape that a validator checks (a My Number's check digit, a phone
 * number's plan, a card's Luhn digit, an e-mail address, a name in kanji found in the name lists:
 * masked as digits, an e-mail or a name).
 */
function isShaped(rule: Rule): boolean {
  const ctx = rule.context;
  // A rule whose only context is a table column reads any cell: run anywhere, it would hide words.
  const columnOnly = ctx !== undefined && ctx.required && ctx.keys.length > 0 && ctx.words.length === 0;
  // A name in kana or Latin letters alone is any run of kana, or two capitalised words ("GitHub
  // App"), without its column: likewise. Names in kanji are checked against the name lists.
  const looseName = /-(kana|latin|romaji)-/.test(rule.id);
  return rule.category === "pii" && (rule.mask === "digits" || rule.mask === "email" || rule.mask === "name") && rule.validator !== undefined && !columnOnly && !looseName;
}

/** A rule run on any text: no keywords, label, column or path needed beside the value; its pattern and validator kept. */
function anywhere(rule: Rule): Rule {
  return {
    ...rule,
    keywords: [],
    prefilter: undefined,
    span: 1,
    context: rule.context ? { ...rule.context, required: false, deny: [], denyKeys: [], tableDeny: undefined } : undefined,
    paths: undefined,
  };
}

/** The UTF-16 offset `n` code points after `from`. */
function advanceCodePoints(text: string, from: number, n: number): number {
  let at = from;
  for (let i = 0; i < n && at < text.length; i++) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return at;
}
