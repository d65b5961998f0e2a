import { describe, expect, it } from "vitest";
import { createJsonFieldIndex } from "../../src/decode/json-field-index.js";

describe("createJsonFieldIndex", () => {
  it("gives the nearest key and the element of the top-level array", () => {
    const src = JSON.stringify([{ name: "山田太郎", contact: { email: "taro@example.com", phones: ["090-0000-0000"] } }, { name: "山田花子" }], null, 2);
    const idx = createJsonFieldIndex(src, false);
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf("taro@"))).toEqual({ key: "email", record: 0 });
    expect(idx.fieldAt(src.indexOf("090-"))).toEqual({ key: "phones", record: 0 });
    expect(idx.fieldAt(src.indexOf("花子"))).toEqual({ key: "name", record: 1 });
  });

  it("finds records in an array of objects under a key", () => {
    const src = JSON.stringify({ meta: { count: 2 }, customers: [{ tel: "1" }, { tel: "2" }], note: "x" });
    const idx = createJsonFieldIndex(src, false);
    expect(idx.records).toBe(2);
    expect(idx.fieldAt(src.indexOf('"2"'))).toEqual({ key: "tel", record: 1 });
    expect(idx.fieldAt(src.indexOf('"x"'))).toEqual({ key: "note", record: 0 });
  });

  it("gives no field to the next member's key, only to values", () => {
    const src = JSON.stringify({ list: [{ id: 1 }], icons: { medical_symbol: "https://example.test/a.png", mega: "https://example.test/b.png" } }, null, 2);
    const idx = createJsonFieldIndex(src, false);
    expect(idx.fieldAt(src.indexOf("mega"))).toBeUndefined();
    expect(idx.fieldAt(src.indexOf("https://example.test/b"))).toEqual({ key: "mega", record: 0 });
  });

  it("config JSON has no records", () => {
    const src = '{"db": {"password": "dummy"}}';
    const idx = createJsonFieldIndex(src, false);
    expect(idx.records).toBeUndefined();
    expect(idx.fieldAt(src.indexOf("dummy"))).toEqual({ key: "password", record: 0 });
  });

  it("NDJSON: one record per line", () => {
    const src = '{"email":"a@example.com"}\n{"email":"b@example.com","nested":{"k":"v"}}\n\n{"email":"c@example.com"}\n';
    const idx = createJsonFieldIndex(src, true);
    expect(idx.records).toBe(3);
    expect(idx.fieldAt(src.indexOf("c@"))).toEqual({ key: "email", record: 2 });
    expect(idx.fieldAt(src.indexOf('"v"'))).toEqual({ key: "k", record: 1 });
  });

  it("survives very deep nesting and broken JSON", () => {
    const deep = "[".repeat(200_000) + '"x"' + "]".repeat(200_000);
    expect(createJsonFieldIndex(deep, false).fieldAt(200_000)).toBeUndefined();
    const broken = '{"a": "1", "b": [1, 2, {"c": "tok"';
    expect(createJsonFieldIndex(broken, false).fieldAt(broken.indexOf("tok"))).toEqual({ key: "c", record: 0 });
  });
});
