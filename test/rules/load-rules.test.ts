import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { builtinRulesDir, loadRules, parseRuleTexts, readRuleTexts } from "../../src/rules/load-rules.js";
import { writeRulesCache } from "../../src/rules/write-rules-cache.js";

const dir = mkdtempSync(join(tmpdir(), "mamori-rules-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadRules with the rules cache", () => {
  it("returns exactly the rules parsed from the YAML when the files are unchanged", () => {
    const cache = join(dir, "cache.json");
    const count = writeRulesCache(builtinRulesDir, cache);
    const parsed = parseRuleTexts(readRuleTexts(builtinRulesDir));
    expect(count).toBe(parsed.length);
    const fromCache = loadRules(builtinRulesDir, cache);
    expect(isDeepStrictEqual(fromCache, parsed)).toBe(true);
    // served from the cache file, not parsed again
    expect(JSON.stringify(fromCache)).toBe(JSON.stringify(JSON.parse(readFileSync(cache, "utf8")).rules));
  });

  it("parses the YAML again when a rule file changed after the cache was written", () => {
    const rules = join(dir, "rules");
    cpSync(builtinRulesDir, rules, { recursive: true });
    const cache = join(dir, "cache-2.json");
    writeRulesCache(rules, cache);
    const [file] = readRuleTexts(rules);
    const path = join(rules, "..", file.name);
    const first = loadRules(rules, cache).find((r) => file.text.includes(`id: ${r.id}`))!;
    writeFileSync(path, file.text.replace(first.title.en, `${first.title.en} (edited)`));
    expect(loadRules(rules, cache).find((r) => r.id === first.id)!.title.en).toBe(`${first.title.en} (edited)`);
  });

  it("parses the YAML when there is no cache", () => {
    expect(isDeepStrictEqual(loadRules(builtinRulesDir, join(dir, "absent.json")), parseRuleTexts(readRuleTexts(builtinRulesDir)))).toBe(true);
  });
});
