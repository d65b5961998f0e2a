import { describe, expect, it } from "vitest";
import { compileRules, RuleError } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { ruleSchema, type RuleInput } from "../../src/rules/rule-schema.js";

const base = {
  title: { en: "Test", ja: "テスト" },
  remediation: { en: "Rotate it.", ja: "再発行してください。" },
  samples: { match: ["x"], nomatch: ["y"] },
};
const rule = (r: Partial<RuleInput> & Pick<RuleInput, "id" | "pattern">) =>
  ruleSchema.parse({ category: "secret", kind: "test-token", severity: "high", keywords: ["tok_"], ...base, ...r });

const tokenRule = rule({ id: "test-token", pattern: "(?<![A-Za-z0-9])(tok_[A-Za-z0-9]{16})(?![A-Za-z0-9])" });
const scan = (text: string, rules = [tokenRule], path = "a.txt") => scanUnit(compileRules(rules), { path, text }, { salt: "s" });

describe("scanUnit", () => {
  it("reports line and columns in characters, not bytes, on Japanese lines", () => {
    const [f] = scan("一行目\n設定：トークン＝tok_ABCDEFGHabcdefgh です\n");
    expect(f).toMatchObject({ ruleId: "test-token", line: 2, column: 9, endLine: 2, endColumn: 29 });
  });

  it("counts astral characters as one column", () => {
    const [f] = scan("𠮷野家 tok_ABCDEFGHabcdefgh");
    expect(f.column).toBe(5);
  });

  it("never puts the raw value in a finding", () => {
    const [f] = scan("tok_ABCDEFGHabcdefgh");
    expect(JSON.stringify(f)).not.toContain("ABCDEFGHabcdefgh");
    expect(f.redacted.startsWith("tok_****")).toBe(true);
  });

  it("keeps the fingerprint when the line moves, and changes it with the value or the path", () => {
    const a = scan("tok_ABCDEFGHabcdefgh")[0].fingerprint;
    const moved = scan("\n\n\n  tok_ABCDEFGHabcdefgh")[0].fingerprint;
    const other = scan("tok_ABCDEFGHabcdefgX")[0].fingerprint;
    const elsewhere = scan("tok_ABCDEFGHabcdefgh", [tokenRule], "b.txt")[0].fingerprint;
    expect(moved).toBe(a);
    expect(other).not.toBe(a);
    expect(elsewhere).not.toBe(a);
    expect(a).toMatch(/^test-token:a\.txt:[0-9a-f]{20}$/);
  });

  it("does not run a rule whose keywords are absent", () => {
    const r = rule({ id: "test-keyword", keywords: ["secret_word"], pattern: "(\\d{6})" });
    expect(scan("123456", [r])).toEqual([]);
    expect(scan("SECRET_WORD 123456", [r])).toHaveLength(1);
  });

  it("honours inline ignores", () => {
    expect(scan("tok_ABCDEFGHabcdefgh # mamori:ignore")).toEqual([]);
    expect(scan("# gitleaks:allow\ntok_ABCDEFGHabcdefgh")).toHaveLength(1);
  });

  it("applies entropy, stopwords and allow patterns", () => {
    const r = rule({ id: "test-allow", pattern: "tok_([A-Za-z0-9]{16})", entropy: 3, allow: { stopwords: ["example"], patterns: ["^0+$"], lines: [] } });
    expect(scan("tok_aaaaaaaaaaaaaaaa", [r])).toEqual([]);
    expect(scan("tok_EXAMPLEexample12", [r])).toEqual([]);
    expect(scan("tok_0000000000000000", [r])).toEqual([]);
    expect(scan("tok_Q8vX2mLr5TzK9wYb", [r])).toHaveLength(1);
  });

  it("requires context when asked, from nearby words or the field key", () => {
    const r = rule({
      id: "test-context",
      category: "pii",
      kind: "my-number",
      keywords: [],
      pattern: "(?<!\\d)(\\d{12})(?!\\d)",
      context: { words: ["個人番号"], keys: ["^mynumber$"], before: 20, required: true },
    });
    const compiled = compileRules([r]);
    expect(scanUnit(compiled, { path: "a", text: "id 123456789012" }, { salt: "s" })).toEqual([]);
    expect(scanUnit(compiled, { path: "a", text: "個人番号: 123456789012" }, { salt: "s" })).toHaveLength(1);
    const unit = { path: "a.csv", text: "123456789012", fieldAt: () => ({ key: "MyNumber", record: 4 }) };
    expect(scanUnit(compiled, unit, { salt: "s" })[0]).toMatchObject({ record: 4, key: "MyNumber" });
  });

  it("applies line allowlists to plain lines, not to table records", () => {
    const r = rule({ id: "test-lines", category: "pii", kind: "phone", keywords: [], pattern: "(0\\d{2}-\\d{4}-\\d{4})", allow: { lines: ["\\bexample\\b"], patterns: [], stopwords: [] } });
    const text = "090-2345-6789,someone@example.org";
    expect(scan(text, [r])).toEqual([]);
    const row = { path: "a.csv", text, records: 1, fieldAt: () => ({ key: "tel", record: 0 }) };
    expect(scanUnit(compileRules([r]), row, { salt: "s" })).toHaveLength(1);
  });

  it("looks for context words only inside a table cell, not in its neighbours", () => {
    const r = rule({ id: "test-cell", category: "pii", kind: "phone", keywords: [], pattern: "(0\\d{1,4}-\\d{1,4}-\\d{4})", context: { deny: ["代表"], before: 10 } });
    const text = "役職,電話\n代表取締役,090-2345-6789\n";
    const row = { path: "a.csv", text, records: 1, fieldAt: () => ({ key: "電話", record: 0 }) };
    expect(scanUnit(compileRules([r]), row, { salt: "s" })).toHaveLength(1);
    expect(scan("代表取締役,090-2345-6789", [r])).toEqual([]);
  });

  it("vetoes a value when a deny word is near", () => {
    const r = rule({ id: "test-deny", category: "pii", kind: "phone", keywords: [], pattern: "(0\\d{1,4}-\\d{1,4}-\\d{4})", context: { deny: ["代表"], before: 10 } });
    expect(scan("代表電話 03-1234-5678", [r])).toEqual([]);
    expect(scan("携帯 090-2345-6789", [r])).toHaveLength(1);
  });

  it("keeps the specific rule when a generic one overlaps it", () => {
    const generic = rule({ id: "generic-token", kind: "generic-secret", keywords: ["token"], pattern: "token\\s*=\\s*(\\S+)" });
    const found = scan("token = tok_ABCDEFGHabcdefgh", [generic, tokenRule]);
    expect(found.map((f) => f.ruleId)).toEqual(["test-token"]);
  });

  it("reports only the added lines of a diff", () => {
    const unit = { path: "a", text: "tok_ABCDEFGHabcdefgh\ntok_ZBCDEFGHabcdefgh", onlyLines: new Set([2]) };
    expect(scanUnit(compileRules([tokenRule]), unit, { salt: "s" }).map((f) => f.line)).toEqual([2]);
  });

  it("names the rule and key of a broken pattern or unknown validator", () => {
    expect(() => compileRules([rule({ id: "bad-regex", pattern: "(unclosed" })])).toThrow(RuleError);
    expect(() => compileRules([rule({ id: "bad-regex", pattern: "(unclosed" })])).toThrow(/bad-regex: pattern/);
    expect(() => compileRules([rule({ id: "bad-validator", pattern: "x", validator: "nope" })])).toThrow(/bad-validator: validator: unknown validator "nope"/);
    expect(() => compileRules([rule({ id: "bad-group", pattern: "(x)", group: 3 })])).toThrow(/bad-group: group/);
  });

  it("stops at the match budget on hostile input", () => {
    const r = rule({ id: "test-budget", keywords: [], pattern: "(a)" });
    const limits: string[] = [];
    const out = scanUnit(compileRules([r]), { path: "a", text: "a".repeat(5000) }, { salt: "s", maxMatchesPerRule: 100, onLimit: (id) => limits.push(id) });
    expect(out).toHaveLength(100);
    expect(limits).toEqual(["test-budget"]);
  });
});

describe("scanUnit windows", () => {
  const pem = rule({ id: "test-block", keywords: ["-----begin"], pattern: "(-----BEGIN X-----\\n[\\s\\S]*?\\n-----END X-----)", span: 5 });
  const one = rule({ id: "test-line", keywords: ["tok_"], pattern: "value=(\\w+)" });

  it("runs a pattern only on the lines around a keyword hit", () => {
    const text = `value=far\n${"filler line without the keyword\n".repeat(5)}some tok_ here value=near\n`;
    expect(scan(text, [one]).map((f) => f.line)).toEqual([7]);
  });

  it("lets a multi-line rule span the lines it declares", () => {
    const text = "x\n-----BEGIN X-----\nAAAA\nBBBB\n-----END X-----\n";
    expect(scan(text, [pem]).map((f) => [f.line, f.endLine])).toEqual([[2, 5]]);
  });

  it("skips a column-only rule on a unit whose keys cannot give context", () => {
    const r = rule({ id: "test-column", category: "pii", kind: "name", keywords: [], pattern: "([A-Z][a-z]+ [A-Z][a-z]+)", context: { keys: ["^name$"], required: true } });
    const compiled = compileRules([r]);
    const text = "id,name\n1,Jane Doe\n";
    const table = (keys: string[]) => ({ path: "a.csv", text, records: 1, fieldAt: (o: number) => ({ key: o >= 10 ? "name" : "id", record: 0 }), keys: () => keys });
    expect(scanUnit(compiled, table(["id", "name"]), { salt: "s" })).toHaveLength(1);
    expect(scanUnit(compiled, table(["id", "email"]), { salt: "s" })).toHaveLength(0);
    expect(scanUnit(compiled, { path: "a.txt", text }, { salt: "s" })).toHaveLength(0);
  });

  it("runs CJK-prefiltered rules only where Japanese text is", () => {
    const r = rule({ id: "test-cjk", category: "pii", kind: "name", keywords: [], prefilter: "cjk", pattern: "([一-龥]{2})様" });
    const honorific = ["// 山田", "様へ"].join(""); // built at run time: the repository's self-scan stays clean
    expect(scan(`const a = 1;\n${honorific}\n`, [r]).map((f) => f.line)).toEqual([2]);
    expect(scan("const a = 1;\n", [r])).toEqual([]);
  });
});

describe("scanUnit: retry and keys standing in for keywords", () => {
  it("with retry, a rejected match is looked at again from a later start (the value after other characters)", () => {
    // allow.patterns rejects a value that starts with X: the match XXtok… fails, the retry finds tok… inside it
    const r = { id: "retry-token", pattern: "(?<value>[A-Z]*tok_[A-Za-z0-9]{16})", allow: { patterns: ["^X"] } };
    const text = "XXtok_ABCDEFGHabcdefgh";
    expect(scan(text, [rule({ ...r, retry: true })]).map((f) => f.column)).toEqual([3]);
    expect(scan(text, [rule(r)])).toEqual([]);
  });

  it("a column rule whose keyword is absent from the text still runs when a unit key serves it", () => {
    const col = rule({ id: "col-token", keywords: ["apikey"], pattern: "(tok_[A-Za-z0-9]{16})", context: { keys: ["^api_?key$"], required: true } });
    const text = "tok_ABCDEFGHabcdefgh\n";
    const unit = (keys: string[]) => ({ path: "a.vcf", text, fieldAt: () => ({ key: keys[0], record: 0 }), keys: () => keys, records: 1 });
    expect(scanUnit(compileRules([col]), unit(["api_key"]), { salt: "s" })).toHaveLength(1);
    expect(scanUnit(compileRules([col]), unit(["note"]), { salt: "s" })).toEqual([]);
  });
});
