import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { OPTIONS, encodeJapanese, utf16, utf8 } from "./helpers.js";

/**
 * End to end: decoded units through the engine. Values come from the rules' own samples,
 * expanded at test time; the assertions are about where the finding lands in the original file.
 */
const rules = loadRules();
const compiled = compileRules(rules);
const ruleById = (id: string) => rules.find((r) => r.id === id)!;

/** The rule's sample expanded, and the 1-based code-point column of the rule's value in it. */
function sample(id: string): { line: string; valueColumn: number } {
  const rule = ruleById(id);
  const line = expandTemplate(rule.samples!.match[0]);
  const m = new RegExp(rule.pattern, "du").exec(line)!;
  const span = m.indices!.groups?.value ?? m.indices![1] ?? m.indices![0];
  return { line, valueColumn: Array.from(line.slice(0, span[0])).length + 1 };
}

const ENCODINGS: [string, (s: string) => Uint8Array][] = [
  ["UTF-16LE without BOM", (s) => utf16(s, "le", false)],
  ["UTF-16BE with BOM", (s) => utf16(s, "be", true)],
  ["Shift_JIS", (s) => encodeJapanese(s, "SJIS")],
  ["UTF-8 with BOM", (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)])],
];

describe("decode → engine", () => {
  it.each(ENCODINGS)("a secret in a %s file is found at its line and character column", (_name, encode) => {
    const { line, valueColumn } = sample("github-installation-token");
    const prefix = "設定：ｶﾞｲﾄﾞ　"; // full-width colon, half-width kana with a voiced mark, ideographic space
    const original = `# 設定ファイル\r\n\r\n${prefix}${line}\r\n`;
    const { units, skipped } = decodeFile("config/settings.txt", encode(original), OPTIONS);
    expect(skipped).toEqual([]);
    const findings = scanUnit(compiled, units[0], { salt: "test" }).filter((f) => f.ruleId === "github-installation-token");
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 3, column: Array.from(prefix).length + valueColumn });
  });

  it("a full-width phone number in a Shift_JIS CSV is found in its cell with the header as key", () => {
    const { line } = sample("pii-phone-number");
    const phone = /0\d[\d-]+/.exec(line)![0];
    const fullWidth = phone.replace(/[0-9-]/g, (c) => (c === "-" ? "－" : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    const original = `氏名,携帯電話\r\n山田　太郎,${fullWidth}\r\n`;
    const u = decodeFile("customers.csv", encodeJapanese(original, "SJIS"), OPTIONS).units[0];
    const f = scanUnit(compiled, u, { salt: "test" }).find((x) => x.kind === "phone");
    expect(f).toMatchObject({ line: 2, column: 7, endColumn: 7 + fullWidth.length, key: "携帯電話", record: 0 });
  });
});
