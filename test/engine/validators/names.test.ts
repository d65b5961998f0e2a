import { describe, expect, it } from "vitest";
import { columnName } from "../../../src/engine/validators/column-name.js";
import { dummyName } from "../../../src/engine/validators/dummy-name.js";
import { honorificName } from "../../../src/engine/validators/honorific-name.js";
import { kanaName } from "../../../src/engine/validators/kana-name.js";
import { knownSurnameLength } from "../../../src/engine/validators/known-surname-length.js";
import { latinName } from "../../../src/engine/validators/latin-name.js";
import { namePart } from "../../../src/engine/validators/name-part.js";
import { romajiName } from "../../../src/engine/validators/romaji-name.js";

describe("knownSurnameLength", () => {
  it.each([
    ["佐藤", 2],
    ["長谷川紬", 3],
    ["濱田", 2],
    ["髙橋", 2],
    ["林檎", 1],
    ["顧客", 0],
    ["", 0],
  ])("%s → %i", (v, n) => expect(knownSurnameLength(v)).toBe(n));
});

describe("honorificName", () => {
  it.each([
    ["佐藤", "medium"],
    ["渡辺 紬", "high"],
    ["長谷川つむぎ", "high"],
  ])("accepts %s as %s", (v, c) => expect(honorificName(v)).toBe(c));
  it.each(["お客", "皆", "山田太郎", "山田 花子", "佐藤商事", "田中工務店", "顧客", "テスト"])("rejects %s", (v) =>
    expect(honorificName(v)).toBe(false),
  );
});

describe("columnName", () => {
  it.each(["谷口 紬", "濱田蒼真", "長谷川 つむぎ", "西 陽"])("accepts %s", (v) => expect(columnName(v)).toBe(true));
  it.each(["山田 太郎", "山田花子", "テスト 太郎", "管理者", "東京都", "東京駅", "佐藤商事", "ノートPC", "開発部 第二課 係長", ""])("rejects %s", (v) =>
    expect(columnName(v)).toBe(false),
  );
});

describe("kanaName", () => {
  it.each(["タニグチ ツムギ", "ハマダソウマ", "たにぐち つむぎ"])("accepts %s", (v) => expect(kanaName(v)).toBe(true));
  it.each(["ヤマダ タロウ", "テスト", "ア", "タ ロ ウ", "Tanaka", "フリガナ", "セイ", "カナ", "ゲンエキセイデス", "ケンシュウシマス"])("rejects %s", (v) => expect(kanaName(v)).toBe(false));
});

describe("latinName", () => {
  it.each(["TSUMUGI TANIGUCHI", "Souma Hamada"])("accepts %s", (v) => expect(latinName(v)).toBe(true));
  it.each(["TARO YAMADA", "TEST USER", "CARD HOLDER", "ACME INC", "X"])("rejects %s", (v) => expect(latinName(v)).toBe(false));
});

describe("dummyName", () => {
  it.each([["山田太郎", true], ["ヤマダ ハナコ", true], ["テスト花子", true], ["ゲスト ログイン", true], ["ユーザー 一郎", true], ["谷口 紬", false]])("%s → %s", (v, d) =>
    expect(dummyName(v)).toBe(d),
  );
});

describe("romajiName", () => {
  it.each(["Tsumugi Taniguchi", "SOUMA HAMADA", "Shinnosuke Ohno", "Jun Ito"])("accepts %s", (v) => expect(romajiName(v)).toBe(true));
  it.each(["Deploy Production", "Hello World", "Build Status", "Taro Yamada", "Tsumugi", "tsumugi taniguchi", "A B"])("rejects %s", (v) =>
    expect(romajiName(v)).toBe(false),
  );
});

describe("namePart", () => {
  it.each(["谷口", "紬", "つむぎ", "タニグチ"])("accepts %s", (v) => expect(namePart(v)).toBe(true));
  it.each(["姓", "名", "テスト", "Taniguchi", "谷口 紬", ""])("rejects %s", (v) => expect(namePart(v)).toBe(false));
});

describe("columnName: word pairs that only look like family + given name", () => {
  const KANJI = "振替休記念誕生元憲法建国勤労感謝文化体育";
  const word = (n: number) => Array.from({ length: n }, (_, i) => KANJI[(i * 7 + n) % KANJI.length]).join("");
  it("rejects a 5-kanji family part or a 4-kanji given part that is no known surname", () => {
    expect(knownSurnameLength(word(2))).toBeLessThan(2);
    expect(columnName(`${word(2)} ${word(4)}`)).toBe(false);
    expect(columnName(`${word(5)} ${word(4)}`)).toBe(false);
    expect(columnName(`${word(5)} ${word(2)}`)).toBe(false);
  });
  it("still accepts generated names, and a long given part after a known surname", async () => {
    const { fakerJA } = await import("@faker-js/faker");
    fakerJA.seed(3);
    for (let i = 0; i < 300; i++) expect(columnName(`${fakerJA.person.lastName()} ${fakerJA.person.firstName()}`)).toBe(true);
    expect(columnName(`${fakerJA.person.lastName()} ${word(4)}`)).toBe(true);
  });
});

describe("placeholder names in English documentation", () => {
  it("rejects Jon Doe and GitHub's Mona Lisa Octocat, accepts generated English names", async () => {
    const { latinPersonName } = await import("../../../src/engine/validators/latin-person-name.js");
    const { fakerEN } = await import("@faker-js/faker");
    for (const v of ["Jon Doe", "Joe Doe", "Mona Lisa", "Mona Lisa Octocat", "Mona Octocat"]) {
      expect(dummyName(v)).toBe(true);
      expect(latinPersonName(v)).toBe(false);
    }
    fakerEN.seed(5);
    let accepted = 0;
    for (let i = 0; i < 200; i++) {
      const v = `${fakerEN.person.firstName()} ${fakerEN.person.lastName()}`;
      expect(dummyName(v)).toBe(false);
      if (latinPersonName(v) === true) accepted++;
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
