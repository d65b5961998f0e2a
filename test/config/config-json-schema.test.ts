import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/config-json-schema.js";

const file = fileURLToPath(new URL("../../docs/mamori.schema.json", import.meta.url));

describe("docs/mamori.schema.json", () => {
  it("is up to date with src/config/config-schema.ts (regenerate: MAMORI_UPDATE_SCHEMA=1 npx vitest run test/config)", () => {
    const expected = JSON.stringify(configJsonSchema(), null, 2) + "\n";
    if (process.env.MAMORI_UPDATE_SCHEMA === "1") writeFileSync(file, expected);
    expect(readFileSync(file, "utf8")).toBe(expected);
  });

  it("describes every top-level key", () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties).sort()).toEqual(
      ["_extends", "allow", "custom", "failOn", "failOnConfidence", "impact", "language", "minConfidence", "locks", "paths", "pii", "rules", "scan", "verify"].sort(),
    );
  });
});
