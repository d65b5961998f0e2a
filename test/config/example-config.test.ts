import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseConfig } from "../../src/config/parse-config.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { selectRules } from "../../src/rules/select-rules.js";

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../docs/${name}`, import.meta.url)), "utf8");

describe("the documented example configurations", () => {
  it.each(["mamori.example.yml", "mamori.org-example.yml"])("%s is valid", (name) => {
    const config = parseConfig(name, parse(read(name)));
    expect(config).toBeDefined();
  });
  it("names only rule ids that exist", () => {
    const config = parseConfig("example", parse(read("mamori.example.yml")));
    expect(() => selectRules(loadRules(), config)).not.toThrow();
  });
});
