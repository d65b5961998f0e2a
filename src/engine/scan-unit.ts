import type { Confidence } from "../rules/rule-schema.js";
import type { CompiledRule, CompiledRules } from "./compile-rules.js";
import { computeEntropy } from "./compute-entropy.js";
import { findInlineIgnore } from "./find-inline-ignore.js";
import { hashValue } from "./hash-value.js";
import { createLineIndex } from "./create-line-index.js";
import { redact } from "./redact.js";
import type { FieldInfo, Finding, Location, TextUnit } from "./types.js";

export interface ScanUnitOptions {
  /** Salt of fingerprints and value hashes. */
  salt: string;
  /** Upper bound on candidate matches examined per rule in one unit (hostile input). */
  maxMatchesPerRule?: number;
}

const CONFIDENCE: Confidence[] = ["low", "medium", "high"];
const raise = (c: Confidence): Confidence => CONFIDENCE[Math.min(2, CONFIDENCE.indexOf(c) + 1)];

interface Candidate {
  rule: CompiledRule;
  start: number;
  end: number;
  value: string;
  confidence: Confidence;
  field?: FieldInfo;
}

/**
 * Pure detection over one text unit: one keyword pass selects the rules, then each selected
 * rule's regex runs, and candidates go through validator, entropy, allowlists, context and
 * inline ignores. Returns findings with redacted previews and salted hashes only.
 */
export function scanUnit(compiled: CompiledRules, unit: TextUnit, options: ScanUnitOptions): Finding[] {
  const { text } = unit;
  if (text.length === 0) return [];
  const maxMatches = options.maxMatchesPerRule ?? 100_000;

  const active = new Uint8Array(compiled.rules.length);
  for (const i of compiled.alwaysRules) active[i] = 1;
  if (compiled.keywordRules.length > 0) {
    const seen = new Uint8Array(compiled.keywordRules.length);
    compiled.automaton.scan(text, seen);
    for (let k = 0; k < seen.length; k++) if (seen[k] === 1) for (const i of compiled.keywordRules[k]) active[i] = 1;
  }

  const lines = createLineIndex(text);
  const candidates: Candidate[] = [];
  for (let i = 0; i < active.length; i++) {
    if (active[i] === 0) continue;
    const cr = compiled.rules[i];
    if (!pathApplies(cr, unit.path)) continue;
    const re = cr.regex;
    re.lastIndex = 0;
    let count = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) re.lastIndex++;
      if (++count > maxMatches) break;
      const value = typeof cr.group === "number" ? m[cr.group] : m.groups?.[cr.group];
      if (!value) continue;
      const span = typeof cr.group === "number" ? m.indices?.[cr.group] : m.indices?.groups?.[cr.group];
      const start = span ? span[0] : m.index;
      const end = start + value.length;
      const c = evaluate(cr, unit, lines, value, start, end);
      if (c) candidates.push(c);
    }
  }
  return toFindings(dedupe(candidates), unit, lines, options.salt);
}

function pathApplies(cr: CompiledRule, path: string): boolean {
  if (cr.include.length > 0 && !cr.include.some((g) => g.match(path))) return false;
  return !cr.exclude.some((g) => g.match(path));
}

function evaluate(
  cr: CompiledRule,
  unit: TextUnit,
  lines: ReturnType<typeof createLineIndex>,
  value: string,
  start: number,
  end: number,
): Candidate | undefined {
  const rule = cr.rule;
  let confidence: Confidence = rule.confidence;
  if (cr.stopwords.length > 0) {
    const lower = value.toLowerCase();
    if (cr.stopwords.some((w) => lower.includes(w))) return undefined;
  }
  if (cr.allowPatterns.some((re) => re.test(value))) return undefined;
  if (rule.entropy !== undefined && computeEntropy(value) < rule.entropy) return undefined;
  if (cr.validator) {
    const verdict = cr.validator(value);
    if (verdict === false) return undefined;
    if (verdict !== true) confidence = verdict;
  }
  const lineNo = lines.lineOf(start);
  const lineText = lines.lineText(lineNo);
  if (cr.allowLines.some((re) => re.test(lineText))) return undefined;

  const field = unit.fieldAt?.(start);
  const hasContext = cr.contextWords.length > 0 || cr.contextKeys.length > 0;
  const hasDeny = cr.denyWords.length > 0 || cr.denyKeys.length > 0;
  if (hasContext || hasDeny) {
    const ctx = rule.context!;
    const around = (unit.text.slice(Math.max(0, start - ctx.before), start) + "\u0000" + unit.text.slice(end, end + ctx.after)).toLowerCase();
    const key = field?.key.toLowerCase();
    if (hasDeny) {
      if (cr.denyWords.some((w) => around.includes(w) || (key !== undefined && key.includes(w)))) return undefined;
      if (key !== undefined && cr.denyKeys.some((re) => re.test(key))) return undefined;
    }
    if (hasContext) {
      const found =
        cr.contextWords.some((w) => around.includes(w) || (key !== undefined && key.includes(w))) ||
        (key !== undefined && cr.contextKeys.some((re) => re.test(key)));
      if (!found && ctx.required) return undefined;
      if (found && !ctx.required) confidence = raise(confidence);
    }
  }
  if (findInlineIgnore(lineText, lineNo > 0 ? lines.lineText(lineNo - 1) : undefined, rule.id, rule.kind)) return undefined;
  return { rule: cr, start, end, value, confidence, field };
}

/** Overlapping candidates of one category: keep the more specific rule, then the longer value. */
function dedupe(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || a.rule.priority - b.rule.priority || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    // Sorted by start: only the last few kept candidates can still overlap this one.
    let clash = -1;
    for (let j = kept.length - 1; j >= 0 && j >= kept.length - 16; j--) {
      const k = kept[j];
      if (k.rule.rule.category === c.rule.rule.category && c.start < k.end && k.start < c.end) {
        clash = j;
        break;
      }
    }
    if (clash === -1) kept.push(c);
    else if (c.rule.priority < kept[clash].rule.priority) kept[clash] = c;
  }
  return kept;
}

function toFindings(candidates: Candidate[], unit: TextUnit, lines: ReturnType<typeof createLineIndex>, salt: string): Finding[] {
  const firstLine = unit.firstLine ?? 1;
  const locate = unit.locate ?? ((offset: number): Location => {
    const line = lines.lineOf(offset);
    return { line: line + firstLine, column: lines.columnOf(line, offset) };
  });
  const findings: Finding[] = [];
  for (const c of candidates) {
    const rule = c.rule.rule;
    const from = locate(c.start);
    const to = locate(Math.max(c.start, c.end - 1));
    if (unit.onlyLines && (from.line === null || !unit.onlyLines.has(from.line))) continue;
    const path = from.pathSuffix ? `${unit.path}!${from.pathSuffix}` : unit.path;
    const normalised = normaliseForHash(rule.kind, c.value);
    findings.push({
      ruleId: rule.id,
      category: rule.category,
      kind: rule.kind,
      severity: rule.severity,
      confidence: c.confidence,
      path,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column === null ? null : to.column + 1,
      redacted: redact(c.value, c.rule.mask),
      fingerprint: `${rule.id}:${unit.path}:${hashValue(salt, rule.id, c.value)}`,
      valueHash: hashValue(salt, rule.kind, normalised),
      ...(c.field ? { record: c.field.record, key: c.field.key } : {}),
      tags: [...rule.tags],
    });
  }
  return findings;
}

/** The same person's phone or My Number written with other separators hashes alike. */
function normaliseForHash(kind: string, value: string): string {
  if (kind.includes("email")) return value.trim().toLowerCase();
  if (/^[\d\s\-().+\u2010-\u2015\u30fc]+$/u.test(value)) return value.replace(/\D/g, "");
  return value.trim().replace(/\s+/gu, " ");
}
