import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { selectCompiledRules } from "../../src/engine/select-compiled-rules.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { expandTemplate } from "../helpers/expand-template.js";

const compiled = compileRules(loadRules());

describe("selectCompiledRules", () => {
  it("keeps only the chosen rules, with their own keyword automaton, and is cached per name", () => {
    const secrets = selectCompiledRules(compiled, "secrets", (r) => r.rule.category === "secret");
    expect(secrets.rules.length).toBeGreaterThan(0);
    expect(secrets.rules.every((r) => r.rule.category === "secret")).toBe(true);
    expect(secrets.rules.length).toBe(compiled.rules.filter((r) => r.rule.category === "secret").length);
    expect(secrets.automaton.size).toBeLessThan(compiled.automaton.size);
    expect(selectCompiledRules(compiled, "secrets", () => false)).toBe(secrets);
  });

  it("finds exactly the credentials the whole set finds in a text with both kinds", () => {
    const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
    const text = `氏名,電話番号,メール\n山田 太郎,090-1234-5678,taro@example.com\nGITHUB_TOKEN=${token}\npassword: "${expandTemplate("{{base62:20}}")}"\n`;
    const unit = { path: "notes.txt", text };
    const all = scanUnit(compiled, unit, { salt: "s" }).filter((f) => f.category === "secret");
    const only = scanUnit(selectCompiledRules(compiled, "secrets", (r) => r.rule.category === "secret"), unit, { salt: "s" });
    expect(all.length).toBeGreaterThan(0);
    expect(only).toEqual(all);
  });
});
