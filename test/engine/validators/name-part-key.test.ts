import { describe, expect, it } from "vitest";
import { namePartKey } from "../../../src/engine/validators/name-part-key.js";

describe("namePartKey", () => {
  it.each([
    ["last_name", "family", false],
    ["lastName", "family", false],
    ["family_name", "family", false],
    ["last_name_kana", "family", true],
    ["sei_kana", "family", true],
    ["姓", "family", false],
    ["セイ", "family", true],
    ["first_name", "given", false],
    ["firstName", "given", false],
    ["first_name_kana", "given", true],
    ["mei", "given", false],
    ["名", "given", false],
    ["メイ", "given", true],
  ])("%s is the %s part (reading: %s)", (key, part, reading) => expect(namePartKey(key)).toEqual({ part, reading }));

  it.each([["name"], ["名前"], ["名称"], ["氏名"], ["username"], ["company_name"], ["email"]])("%s is no name part", (key) =>
    expect(namePartKey(key)).toBeUndefined(),
  );
});
