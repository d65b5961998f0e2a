import { fakerJA, fakerZH_CN } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { hasNonJapaneseHan } from "../../../src/engine/validators/has-non-japanese-han.js";

fakerJA.seed(11);
fakerZH_CN.seed(11);
/** Simplified forms that Japanese never writes (Japanese: 間, 東, 門, 場, 際, 蘇, 円). */
const SIMPLIFIED = ["间", "东", "门", "场", "际", "苏", "圆", "诺", "兰", "镑"];

describe("hasNonJapaneseHan", () => {
  it("accepts Japanese names, old and variant kanji included", () => {
    for (let i = 0; i < 300; i++) expect(hasNonJapaneseHan(`${fakerJA.person.lastName()} ${fakerJA.person.firstName()}`)).toBe(false);
    // Windows-31J extensions and a character outside the BMP (𠮷) are names' characters too
    for (const v of ["髙橋", "山﨑", "德永", "𠮷田", "渡邊", "齋藤"]) expect(hasNonJapaneseHan(v)).toBe(false);
    expect(hasNonJapaneseHan("Tsumugi Taniguchi")).toBe(false);
  });

  it("finds a simplified Chinese character in a name-shaped value", () => {
    for (const ch of SIMPLIFIED) expect(hasNonJapaneseHan(`${fakerJA.person.lastName()}${ch}`)).toBe(true);
    // Chinese words made of them: an airport, a currency, a company as a zh_CN locale writes them
    expect(hasNonJapaneseHan(`${fakerJA.person.lastName()}国${SIMPLIFIED[4]}机${SIMPLIFIED[3]}`)).toBe(true);
  });

  it("finds most zh_CN cities of a Chinese fake-data locale", () => {
    const cities = Array.from({ length: 200 }, () => fakerZH_CN.location.city());
    const chinese = cities.filter(hasNonJapaneseHan).length;
    expect(chinese).toBeGreaterThan(cities.length / 3);
  });
});
