import { describe, expect, it } from "vitest";
import { RuleError } from "../../src/engine/compile-rules.js";
import { parseConfig } from "../../src/config/parse-config.js";
import type { RuleInput } from "../../src/rules/rule-schema.js";
import { compileJobRules } from "../../src/worker/compile-job-rules.js";
import { customRuleRegex } from "../../src/worker/custom-rule-regex.js";

const rule = (id: string, pattern: string, extra: Partial<RuleInput> = {}): RuleInput => ({
  id,
  title: { en: "Custom", ja: "カスタム" },
  remediation: { en: "Remove it.", ja: "削除してください。" },
  category: "secret",
  kind: "custom-token",
  severity: "high",
  pattern,
  samples: { match: ["x"], nomatch: ["y"] },
  ...extra,
});
const rules = (...r: RuleInput[]) => parseConfig("test", { custom: r }).custom;

describe("customRuleRegex", () => {
  it("compiles custom rules with RE2 and built-in ones with RegExp", () => {
    const [custom, builtin] = rules(rule("mine", "x+"), rule("theirs", "y+"));
    const create = customRuleRegex(new Set(["mine"]));
    expect(create("x+", "dgu", custom)).not.toBeInstanceOf(RegExp);
    expect(create("x+", "dgu", custom).constructor.name).toBe("RE2");
    expect(create("y+", "dgu", builtin)).toBeInstanceOf(RegExp);
  });

  it("matches in linear time where RegExp would backtrack for ages", () => {
    const [evil] = rules(rule("evil", "^(a+)+$"));
    const re = customRuleRegex(new Set(["evil"]))("^(a+)+$", "gu", evil);
    const started = Date.now();
    expect(re.test(`${"a".repeat(100_000)}b`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("compileJobRules", () => {
  it("gives indices (the engine's `d` flag) and named groups on RE2", () => {
    const r = rules(rule("token-kv", "token=(?<value>[a-z0-9]{8})"));
    const compiled = compileJobRules(r, ["token-kv"]);
    const m = compiled.rules[0].regex.exec("a token=abcd1234 b")!;
    expect(m.groups?.value).toBe("abcd1234");
    expect(m.indices?.groups?.value).toEqual([8, 16]);
    expect(compiled.rules[0].group).toBe("value");
  });

  it.each([
    ["lookbehind", "(?<=key=)[a-z]+", "pattern"],
    ["backreference", "(a)\\1", "pattern"],
  ])("a pattern RE2 cannot compile (%s) is a RuleError naming the rule", (_, pattern, key) => {
    const r = rules(rule("bad-custom", pattern));
    let error: unknown;
    try {
      compileJobRules(r, ["bad-custom"]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleError);
    expect(error).toMatchObject({ ruleId: "bad-custom", key });
    expect((error as Error).message).toMatch(/^rule bad-custom: pattern: .*RE2/);
  });

  it("also compiles a custom rule's allow and context regexes with RE2", () => {
    const r = rules(rule("ctx-custom", "x+", { allow: { patterns: ["(?<=a)b"] } }));
    expect(() => compileJobRules(r, ["ctx-custom"])).toThrow(/rule ctx-custom: allow\.patterns\[0\]/);
  });
});
