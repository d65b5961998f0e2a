import { describe, expect, it } from "vitest";
import { createKeyValueFieldIndex } from "../../src/decode/key-value-field-index.js";
import { createJsonFieldIndex } from "../../src/decode/json-field-index.js";

describe("YAML records (createKeyValueFieldIndex with yaml)", () => {
  it("takes each Rails fixture entry as a record", () => {
    const src = "alice:\n  name: VAL_A\n  email: VAL_B\n\nbob:\n  name: VAL_C\n";
    const idx = createKeyValueFieldIndex(src, true);
    expect(idx.records).toBe(2);
    expect(["VAL_A", "VAL_B", "VAL_C"].map((v) => idx.fieldAt(src.indexOf(v)))).toEqual([
      { key: "name", record: 0 }, { key: "email", record: 0 }, { key: "name", record: 1 },
    ]);
  });

  it("takes each item of a Django fixture list as a record", () => {
    const src = "- model: app.person\n  pk: 1\n  fields:\n    name: VAL_A\n    kana: VAL_B\n- model: app.person\n  pk: 2\n  fields:\n    name: VAL_C\n";
    const idx = createKeyValueFieldIndex(src, true);
    expect(idx.records).toBe(2);
    expect(["VAL_A", "VAL_B", "VAL_C"].map((v) => idx.fieldAt(src.indexOf(v)))).toEqual([
      { key: "name", record: 0 }, { key: "kana", record: 0 }, { key: "name", record: 1 },
    ]);
  });

  it("has no records in a config of scalars", () => {
    expect(createKeyValueFieldIndex("ja:\n  hello: VAL_A\n  bye: VAL_B\n", true).records).toBeUndefined();
    expect(createKeyValueFieldIndex("name: VAL_A\nlevel: 3\n", true).records).toBeUndefined();
  });
});

describe("JSON objects keyed by ids", () => {
  it("takes each inner object as a record", () => {
    const src = '{"C0001": {"name": "VAL_A", "kana": "VAL_B"}, "C0002": {"name": "VAL_C"}}';
    const idx = createJsonFieldIndex(src, false);
    expect(idx.records).toBe(2);
    expect(["VAL_A", "VAL_B", "VAL_C"].map((v) => idx.fieldAt(src.indexOf(v)))).toEqual([
      { key: "name", record: 0 }, { key: "kana", record: 0 }, { key: "name", record: 1 },
    ]);
  });

  it("prefers arrays of objects and leaves config objects alone", () => {
    expect(createJsonFieldIndex('{"scripts": {"build": "tsc"}, "dependencies": {"a": "1.0.0"}}', false).records).toBeUndefined();
    expect(createJsonFieldIndex('{"v1": {"a": 1}, "list": [{"name": "x"}, {"name": "y"}]}', false).records).toBe(2);
  });
});

describe("OpenAPI examples", () => {
  it("gives an example the key of its property, one record per schema (YAML)", () => {
    const src = "components:\n  schemas:\n    Person:\n      type: object\n      properties:\n        name:\n          type: string\n          example: VAL_A\n        kana:\n          examples:\n            - VAL_B\n    Shop:\n      properties:\n        name:\n          example: VAL_C\n";
    const idx = createKeyValueFieldIndex(src, true);
    expect(idx.records).toBe(2);
    expect(["VAL_A", "VAL_B", "VAL_C"].map((v) => idx.fieldAt(src.indexOf(v)))).toEqual([
      { key: "name", record: 0 }, { key: "kana", record: 0 }, { key: "name", record: 1 },
    ]);
  });

  it("gives an example the key of its property (JSON)", () => {
    const src = '{"properties": {"name": {"type": "string", "example": "VAL_A"}, "kana": {"examples": ["VAL_B"]}}}';
    const idx = createJsonFieldIndex(src, false);
    expect(["VAL_A", "VAL_B"].map((v) => idx.fieldAt(src.indexOf(v))?.key)).toEqual(["name", "kana"]);
  });
});
