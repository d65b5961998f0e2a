import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ruleJsonSchema } from "../../src/rules/rule-json-schema.js";

describe("rules/schema.json", () => {
  it("is generated from the zod schema (run `npm run schema` after changing it)", () => {
    const committed = JSON.parse(readFileSync("rules/schema.json", "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(ruleJsonSchema())));
  });
});
