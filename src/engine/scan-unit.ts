import type { Confidence } from "../rules/rule-schema.js";
import type { CompiledRule, CompiledRules } from "./compile-rules.js";
import { computeEntropy } from "./compute-entropy.js";
import { findInlineIgnore } from "./find-inline-ignore.js";
import { hashValue } from "./hash-value.js";
import { judgePersonCandidate } from "./judge-person-candidate.js";
import { createLineIndex, type LineIndex } from "./create-line-index.js";
import { redact } from "./redact.js";
import type { FieldInfo, Finding, Location, TextUnit } from "./types.js";

export interface ScanUnitOptions {
  /** Public salt of fingerprints and value hashes (`scan.salt`). */
  salt: string;
  /**
   * The user's secret fingerprint key (HMAC key). The front doors (scanFiles) always pass one;
   * without it the salt is the key, which is public: only for tests of the engine alone. `null`:
   * Mamori 0.1's unkeyed hash, only to recognise old fingerprints (`mamori rekey`).
   */
  key?: Uint8Array | null;
  /** Upper bound on candidate matches examined per rule in one unit (hostile input). */
  maxMatchesPerRule?: number;
  /** Told when a rule stopped at that bound, so the caller can report the unit as partly scanned. */
  onLimit?: (ruleId: string, limit: number) => void;
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
  /** Tags the person model adds to the rule's (e.g. "author-credit"). */
  extraTags?: string[];
  /** Grading reasons from the validator (e.g. weak-value). */
  tags?: readonly string[];
}

/**
 * Pure detection over one text unit: one keyword pass selects the rules, then each selected
 * rule's regex runs, and candidates go through validator, entropy, allowlists, context and
 * inline ignores. Returns findings with redacted previews and keyed hashes only.
 */
export function scanUnit(compiled: CompiledRules, unit: TextUnit, options: ScanUnitOptions): Finding[] {
  const { text } = unit;
  if (text.length === 0) return [];
  const maxMatches = options.maxMatchesPerRule ?? 2_000_000;

  const lines = createLineIndex(text);
  const hits = collectKeywordHits(compiled, text);
  let cjkLines: number[] | undefined;
  let cjkSet: Set<number> | undefined;
  const keyCache: KeyCache = {};
  let table: boolean | undefined;
  // `records` may build the unit's field index: read it once, and only for a rule that asks
  const isTable = (): boolean => (table ??= unit.fieldAt !== undefined && unit.records !== undefined);
  const ignorable = IGNORE_MARKER.test(text);
  const candidates: Candidate[] = [];
  for (let i = 0; i < compiled.rules.length; i++) {
    const cr = compiled.rules[i];
    let hitLines: number[] | typeof WHOLE | undefined;
    if (cr.rule.keywords.length > 0) {
      const ends = hits[i];
      if (ends === undefined) {
        // A decoded record format names its fields itself (a vCard's FN is given the key
        // full_name): a key that serves the rule stands in for the missing keyword.
        if (cr.contextKeys.length === 0 || unit.codeRecords || !unit.keys || !isTable() || !keyMatches(cr, unit, keyCache) || !keyCache.keys) continue;
        hitLines = WHOLE;
      } else hitLines = ends === WHOLE ? WHOLE : ends.map((end) => lines.lineOf(end - 1));
    } else if (cr.rule.prefilter === "cjk") {
      cjkLines ??= findCjkLines(text, lines);
      if (cjkLines.length === 0) continue;
      hitLines = cjkLines;
    } else hitLines = WHOLE;
    if (!pathApplies(cr, unit.path)) continue;
    if (cr.tableDeny && tableDenied(cr.tableDeny, unit, keyCache)) continue;
    // A rule read whole anyway needs the column test only when it can skip the unit (keyOnly).
    if (cr.contextKeys.length > 0 && (hitLines !== WHOLE || cr.keyOnly)) {
      // Column-driven rules: the header is far from the rows, so the whole table is scanned
      // when a column can give context; a rule that needs a column is skipped when none can.
      const column = isTable() && (unit.keys === undefined || keyMatches(cr, unit, keyCache));
      // In code and YAML a key stands beside its value (or a few lines above it: `name:` then
      // `example:`), so the keyword lines and the next few are enough; a table is read whole.
      if (column) hitLines = unit.codeRecords && hitLines !== undefined && hitLines !== WHOLE ? withFollowing(hitLines, CODE_VALUE_LINES, lines.count() - 1) : WHOLE;
      else if (cr.keyOnly) continue;
    }
    if (cr.rule.span === 0) hitLines = WHOLE;
    if (cr.rule.prefilter === "cjk" && cr.rule.keywords.length > 0) {
      // A pattern that needs Japanese text: nothing to do without any; otherwise only the
      // keyword lines that hold some (a whole table when a column gives context).
      cjkLines ??= findCjkLines(text, lines);
      if (cjkLines.length === 0) continue;
      if (hitLines !== WHOLE) {
        const cjk = (cjkSet ??= new Set(cjkLines));
        hitLines = hitLines.filter((line) => cjk.has(line));
        if (hitLines.length === 0) continue;
      }
    }
    const re = cr.regex;
    let count = 0;
    for (const [from, to] of windows(hitLines, cr.rule.span, lines, text.length)) {
      const slice = from === 0 && to === text.length ? text : text.slice(from, to);
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(slice)) !== null) {
        if (m[0].length === 0) re.lastIndex++;
        if (++count > maxMatches) break;
        const value = typeof cr.group === "number" ? m[cr.group] : m.groups?.[cr.group];
        if (!value) continue;
        const span = typeof cr.group === "number" ? m.indices?.[cr.group] : m.indices?.groups?.[cr.group];
        const start = from + (span ? span[0] : m.index);
        const c = evaluate(cr, unit, lines, value, start, start + value.length, ignorable);
        if (c) candidates.push(c);
        else if (cr.rule.retry) re.lastIndex = start - from + 1;
      }
      if (count > maxMatches) {
        options.onLimit?.(cr.rule.id, maxMatches);
        break;
      }
    }
  }
  return toFindings(dedupe(candidates), unit, lines, options.salt, options.key === undefined ? options.salt : options.key);
}

const WHOLE = Symbol("whole text");
/** Lines after a key's line where its value may stand, in records kept in code or YAML. */
const CODE_VALUE_LINES = 3;

/** Ascending lines, each followed by the next `n` lines up to `last` (deduplicated, ascending). */
function withFollowing(lines: number[], n: number, last: number): number[] {
  const out: number[] = [];
  for (const line of lines) {
    for (let l = Math.max(line, out.length > 0 ? out[out.length - 1] + 1 : 0); l <= Math.min(line + n, last); l++) out.push(l);
  }
  return out;
}
const MAX_LABEL = 40;

/** Any inline-ignore marker at all: tested once per unit, so candidates skip the per-line check. */
const IGNORE_MARKER = /mamori:ignore|gitleaks:allow|allowlist[ \t]+(?:nextline[ \t]+)?secret|secretlint-disable/;
/** Past this many keyword hits for one rule, its pattern runs over the whole text instead. */
const MAX_HITS = 2048;

/**
 * Keyword hits per rule: offsets just past each hit (ascending, distinct), or WHOLE when there are
 * more than MAX_HITS. The scan records hits per keyword; each rule then reads its keywords' lists.
 */
function collectKeywordHits(compiled: CompiledRules, text: string): (number[] | typeof WHOLE | undefined)[] {
  const hits: (number[] | typeof WHOLE | undefined)[] = new Array(compiled.rules.length);
  if (compiled.keywordRules.length === 0) return hits;
  // null: past MAX_HITS distinct ends (every rule of that keyword reads the whole text)
  const perKeyword: (number[] | null | undefined)[] = new Array(compiled.keywordRules.length);
  let any = false;
  compiled.automaton.scan(text, (id, end) => {
    const h = perKeyword[id];
    if (h === undefined) {
      perKeyword[id] = [end];
      any = true;
    } else if (h !== null) {
      if (h.length >= MAX_HITS) perKeyword[id] = null;
      else h.push(end); // one keyword ends at most once per offset
    }
  });
  if (!any) return hits;
  const ruleKeywords = compiled.ruleKeywords;
  for (let i = 0; i < hits.length; i++) {
    const ids = ruleKeywords[i];
    if (ids.length === 0) continue;
    let only: number[] | undefined;
    let lists = 0;
    let whole = false;
    for (const id of ids) {
      const h = perKeyword[id];
      if (h === null) whole = true;
      else if (h !== undefined) {
        only = h;
        lists++;
      }
    }
    if (whole) hits[i] = WHOLE;
    else if (lists === 1) hits[i] = only;
    else if (lists > 1) hits[i] = mergeHits(ids, perKeyword as (number[] | undefined)[]);
  }
  return hits;
}

/**
 * The hits of a rule with several keywords that occur: their ends in ascending order without
 * repeats; WHOLE when a hit comes after MAX_HITS distinct ends (a repeat included).
 */
function mergeHits(ids: number[], perKeyword: (number[] | undefined)[]): number[] | typeof WHOLE {
  let total = 0;
  for (const id of ids) total += perKeyword[id]?.length ?? 0;
  const all = new Int32Array(total);
  let k = 0;
  for (const id of ids) for (const end of perKeyword[id] ?? []) all[k++] = end;
  all.sort();
  const out: number[] = [];
  for (let j = 0; j < total; j++) {
    if (out.length >= MAX_HITS) return WHOLE;
    if (out.length === 0 || out[out.length - 1] !== all[j]) out.push(all[j]);
  }
  return out;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]/g;

/** 0-based lines that hold a Japanese character, ascending. */
function findCjkLines(text: string, lines: LineIndex): number[] {
  const out: number[] = [];
  CJK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CJK.exec(text)) !== null) {
    const line = lines.lineOf(m.index);
    out.push(line);
    CJK.lastIndex = lines.lineEnd(line) + 1;
  }
  return out;
}

/**
 * The character ranges a rule's pattern runs on: the lines around each hit (`span` lines each
 * way), merged; the whole text when that covers most of it anyway.
 */
function windows(hitLines: number[] | typeof WHOLE, span: number, lines: LineIndex, length: number): [number, number][] {
  if (hitLines === WHOLE) return [[0, length]];
  const ranges: [number, number][] = [];
  const last = lines.count() - 1;
  let covered = 0;
  let curFrom = -1;
  let curTo = -1;
  const flush = () => {
    if (curFrom < 0) return;
    const from = lines.lineStart(curFrom);
    const to = lines.lineEnd(curTo);
    covered += to - from;
    ranges.push([from, to]);
  };
  for (const line of hitLines) { // ascending: hits and CJK lines are found front to back
    const a = Math.max(0, line - span + 1);
    const b = Math.min(last, line + span - 1);
    if (curFrom >= 0 && a <= curTo + 1) curTo = Math.max(curTo, b);
    else {
      flush();
      curFrom = a;
      curTo = b;
    }
  }
  flush();
  return covered > length / 2 ? [[0, length]] : ranges;
}

interface KeyCache {
  keys?: string[] | null;
}

/** Whether some key of the unit can give the rule context; true when the unit cannot tell. */
function keyMatches(cr: CompiledRule, unit: TextUnit, cache: KeyCache): boolean {
  if (cache.keys === undefined) {
    const keys = unit.keys!();
    cache.keys = keys === undefined ? null : [...keys].map((k) => k.toLowerCase());
  }
  if (cache.keys === null) return true;
  return cache.keys.some((key) => cr.contextKeys.some((re) => re.test(key)) || cr.contextWords.some((w) => key.includes(w)));
}

/** Whether a table's keys say it is about something the rule must not read (see `context.tableDeny`). */
function tableDenied(deny: NonNullable<CompiledRule["tableDeny"]>, unit: TextUnit, cache: KeyCache): boolean {
  if (unit.records === undefined || unit.keys === undefined) return false;
  if (cache.keys === undefined) {
    const keys = unit.keys();
    cache.keys = keys === undefined ? null : [...keys].map((k) => k.toLowerCase());
  }
  const keys = cache.keys;
  if (keys === null) return false;
  return keys.some((k) => deny.keys.some((re) => re.test(k))) && !keys.some((k) => deny.unless.some((re) => re.test(k)));
}

/** Field delimiters of the tables the decode stage reads: CSV/TSV, Markdown, JSON/SQL quotes, line ends. */
const DELIMITER = /[,\t|"'\n]/g;
function lastDelimiter(s: string): number {
  let last = -1;
  for (const m of s.matchAll(DELIMITER)) last = m.index;
  return last;
}
function firstDelimiter(s: string): number {
  DELIMITER.lastIndex = 0;
  const m = DELIMITER.exec(s);
  return m ? m.index : s.length;
}

function pathApplies(cr: CompiledRule, path: string): boolean {
  if (cr.include.length > 0 && !cr.include.some((g) => g.match(path))) return false;
  return !cr.exclude.some((g) => g.match(path));
}

function evaluate(
  cr: CompiledRule,
  unit: TextUnit,
  lines: LineIndex,
  value: string,
  start: number,
  end: number,
  ignorable: boolean,
): Candidate | undefined {
  const rule = cr.rule;
  let confidence: Confidence = rule.confidence;
  if (cr.stopwords.length > 0) {
    const lower = value.toLowerCase();
    if (cr.stopwords.some((w) => lower.includes(w))) return undefined;
  }
  if (cr.allowPatterns.some((re) => re.test(value))) return undefined;
  if (rule.entropy !== undefined && computeEntropy(value) < rule.entropy) return undefined;
  let tags: readonly string[] | undefined;
  if (cr.validator) {
    const verdict = cr.validator(value);
    if (verdict === false) return undefined;
    if (typeof verdict === "object") {
      confidence = verdict.confidence;
      tags = verdict.tags;
    } else if (verdict !== true) confidence = verdict;
  }
  const lineNo = lines.lineOf(start);
  let lineText: string | undefined;
  // In a table a "line" is a whole record: one field's "example" must not hide the others.
  if (cr.allowLines.length > 0 && (unit.records === undefined || unit.codeRecords)) {
    const text = (lineText = lines.lineText(lineNo));
    if (cr.allowLines.some((re) => re.test(text))) return undefined;
  }

  const field = unit.fieldAt?.(start);
  const hasContext = cr.contextWords.length > 0 || cr.contextKeys.length > 0;
  const hasDeny = cr.denyWords.length > 0 || cr.denyKeys.length > 0;
  if (hasContext || hasDeny) {
    const ctx = rule.context!;
    let before = unit.text.slice(Math.max(0, start - ctx.before), start);
    let after = unit.text.slice(end, end + ctx.after);
    if (field !== undefined && unit.records !== undefined && !unit.codeRecords) {
      // A table cell: its neighbours are other fields (a 代表取締役 title must not veto the
      // phone beside it, a header must not lend its word to the first row); the key speaks for it.
      before = before.slice(lastDelimiter(before) + 1);
      after = after.slice(0, firstDelimiter(after));
    }
    const around = (before + "\u0000" + after).toLowerCase();
    // A label is short: a 60-character JSON key is an identifier (a message id), not a column.
    const key = field && field.key.length <= MAX_LABEL ? field.key.toLowerCase() : undefined;
    if (hasDeny) {
      if (cr.denyWords.some((w) => around.includes(w) || (key !== undefined && key.includes(w)))) return undefined;
      if (key !== undefined && cr.denyKeys.some((re) => re.test(key))) return undefined;
    }
    if (hasContext) {
      const found =
        cr.contextWords.some((w) => around.includes(w) || (key !== undefined && key.includes(w))) ||
        (key !== undefined && cr.contextKeys.some((re) => re.test(key)));
      if (!found && ctx.required) return undefined;
      if (found && !ctx.required && tags === undefined) confidence = raise(confidence);
    }
  }
  if (ignorable && findInlineIgnore(lineText ?? lines.lineText(lineNo), lineNo > 0 ? lines.lineText(lineNo - 1) : undefined, rule.id, rule.kind)) return undefined;
  if (rule.category === "pii") {
    const verdict = judgePersonCandidate({ kind: rule.kind, value, path: unit.path, text: unit.text, start, end, key: field?.key });
    if (verdict === "drop") return undefined;
    if (verdict === "author-credit") return { rule: cr, start, end, value, confidence, field, extraTags: ["author-credit"], tags };
  }
  return { rule: cr, start, end, value, confidence, field, tags };
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

function toFindings(candidates: Candidate[], unit: TextUnit, lines: LineIndex, salt: string, key: Uint8Array | string | null): Finding[] {
  const firstLine = unit.firstLine ?? 1;
  const locate = unit.locate ?? ((offset: number): Location => {
    const line = lines.lineOf(offset);
    return { line: line + firstLine, column: lines.columnOf(line, offset) };
  });
  const findings: Finding[] = [];
  const where = pathGrade(unit.path);
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
      redacted: redact(c.value, c.rule.mask, rule.keywords),
      fingerprint: `${rule.id}:${unit.path}:${hashValue(key, salt, rule.id, c.value)}`,
      valueHash: hashValue(key, salt, rule.kind, normalised),
      ...(c.field ? { record: c.field.record, key: c.field.key } : {}),
      tags: gradeTags(c.extraTags ? [...rule.tags, ...c.extraTags] : rule.tags, rule.category === "secret" ? where : undefined, c.tags),
    });
  }
  return findings;
}

/** The same person's phone or My Number written with other separators hashes alike. */
function normaliseForHash(kind: string, value: string): string {
  if (kind.includes("email")) return value.trim().toLowerCase();
  // 伊藤 淳一, 伊藤　淳一 and 伊藤淳一 are one name: one person in a file and across files.
  if (kind === "name" || kind === "name-kana") return value.normalize("NFKC").replace(/[\s・]+/gu, "").toLowerCase();
  // +81 90-… and 090-… are one number: the same person across files.
  if (kind === "phone" && /^\s*\+81/.test(value)) return "0" + value.replace(/\D/g, "").slice(2).replace(/^0/, "");
  if (/^[\d\s\-().+\u2010-\u2015\u30fc]+$/u.test(value)) return value.replace(/\D/g, "");
  return value.trim().replace(/\s+/gu, " ");
}

/** Test and example locations: a credential there is still reported, tagged so a reader can weigh it. */
const TEST_PATH = /(?:^|[/!])(?:tests?|spec|specs|__tests__|__mocks__|testdata|test[-_]data|testing|fixtures?|__fixtures__|mocks?|cassettes|vcr)(?:\/|$)|(?:^|[/_.-])(?:test|spec|tests)[._-][^/]*$|_test\.[a-z]+$|[._-](?:test|spec)\.[a-z]+$/i;
const EXAMPLE_PATH = /(?:^|[/!])(?:examples?|samples?|demos?|docs?|tutorials?|quickstart)(?:\/|$)|\.(?:example|sample|dist|template)$|(?:^|\/)README[^/]*$/i;

function pathGrade(path: string): string | undefined {
  if (TEST_PATH.test(path)) return "test";
  if (EXAMPLE_PATH.test(path)) return "example";
  return undefined;
}

function gradeTags(ruleTags: readonly string[], where: string | undefined, why: readonly string[] | undefined): string[] {
  if (where === undefined && (why === undefined || why.length === 0)) return ruleTags as string[];
  const out = [...ruleTags];
  if (where !== undefined) out.push(where);
  if (why) for (const t of why) if (!out.includes(t)) out.push(t);
  return out;
}
