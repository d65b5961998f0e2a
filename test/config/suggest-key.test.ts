import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/parse-config.js";
import { suggestKey } from "../../src/config/suggest-key.js";

describe("suggestKey", () => {
  it.each([
    [[], "failon", "failOn"],
    [[], "langauge", "language"],
    [["pii"], "kind", "kinds"],
    [["scan"], "maxFileByte", "maxFileBytes"],
    [["custom", 0], "titel", "title"],
    [[], "totally-unrelated", undefined],
    [["pii"], "x", undefined],
  ] as const)("at %j: %s -> %s", (path, key, expected) => {
    expect(suggestKey(path, key)).toBe(expected);
  });

  it("puts the suggestion into the App's configuration error", () => {
    expect(() => parseConfig("acme/app:.github/mamori.yml", { pii: { minConfidense: "high" } })).toThrow(/did you mean `minConfidence` for `minConfidense`\?/);
  });
});
