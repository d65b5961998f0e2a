// Families of false findings read on real repositories (issue #10): each must stay silent, and a
// real-looking (generated) name or address right beside the same vocabulary must still be found.
import { fakerJA as faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { columnName } from "../../../src/engine/validators/column-name.js";
import { isCountryOrLanguageName } from "../../../src/engine/validators/country-or-language-name.js";
import { dummyName, dummyNamePart } from "../../../src/engine/validators/dummy-name.js";
import { honorificName } from "../../../src/engine/validators/honorific-name.js";
import { kanaName } from "../../../src/engine/validators/kana-name.js";
import { latinPersonName } from "../../../src/engine/validators/latin-person-name.js";
import { personalEmail } from "../../../src/engine/validators/personal-email.js";
import { startsWithUiWord } from "../../../src/engine/validators/ui-word.js";
import { fakePersons } from "../../helpers/fake-person.js";

faker.seed(11);
const people = fakePersons(40, 11).filter((p) => dummyNamePart(p.sei) === undefined);
const lower = (n: number) => faker.string.alpha({ length: n, casing: "lower" });

describe("country and language names (ICU/CLDR)", () => {
  it.each(["サンマリノ", "南アフリカ", "南スーダン", "西サハラ", "San Marino", "Saudi Arabia", "Bahasa Indonesia", "日本語", "Japanese"])("%s is a country or language", (v) =>
    expect(isCountryOrLanguageName(v)).toBe(true),
  );
  it("generated names are not countries", () => {
    for (const p of people) {
      expect(isCountryOrLanguageName(`${p.sei} ${p.mei}`)).toBe(false);
      expect(isCountryOrLanguageName(`${p.seiKana} ${p.meiKana}`)).toBe(false);
    }
  });
});

describe("placeholders", () => {
  it.each(["山田 吾郎", "山田 次郎", "ヤマダ ジロウ", "山田三郎", "Yamada Jiro"])("%s is a placeholder name", (v) => expect(dummyName(v)).toBe(true));
  it.each(["株式会社 会社名", "姓 名", "姓　名", "○○ ○○"])("column-name rejects %s", (v) => expect(columnName(v)).toBe(false));
  it.each(["ホゲ ホゲ", "フガフガ"])("kana-name rejects %s", (v) => expect(kanaName(v)).toBe(false));
  it("generated names still pass", () => {
    for (const p of people) {
      expect(dummyName(`${p.sei} ${p.mei}`)).toBe(false);
      expect(columnName(`${p.sei} ${p.mei}`)).toBe(true);
      expect(kanaName(`${p.seiKana} ${p.meiKana}`)).toBe(true);
    }
  });
});

describe("UI words", () => {
  it.each(["公開 記事", "削除 済み", "関連商品", "編集"])("%s starts with a UI word", (v) => expect(startsWithUiWord(v)).toBe(true));
  it.each(["公開 記事", "削除 済み"])("column-name rejects %s", (v) => expect(columnName(v)).toBe(false));
  it("generated names do not start with one", () => {
    for (const p of people) expect(startsWithUiWord(`${p.sei} ${p.mei}`)).toBe(false);
  });
});

describe("kana messages under kana keys", () => {
  it.each(["してください", "カタカナチェック", "にゅうりょく", "ひらがなで", "できません", "では", "には"])("kana-name rejects %s", (v) => expect(kanaName(v)).toBe(false));
  it("generated readings still pass, in katakana and hiragana", () => {
    const hira = (s: string) => s.replace(/[ァ-ヶ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
    for (const p of people) {
      expect(kanaName(`${p.seiKana}${p.meiKana}`)).toBe(true);
      expect(kanaName(hira(`${p.seiKana} ${p.meiKana}`))).toBe(true);
    }
  });
});

describe("honorifics that are not after a name", () => {
  it.each(["原にたく", "車がたく", "関車がたく"])("rejects %s (…たくさん)", (v) => expect(honorificName(v)).toBe(false));
  it.each(["関数の仕", "関数と同", "関数も同"])("rejects %s (a phrase before 仕様/同様, not a name)", (v) => expect(honorificName(v)).toBe(false));
  it("a generated name before さん still passes", () => {
    for (const p of people) expect(honorificName(`${p.sei} ${p.mei}`)).not.toBe(false);
  });
});

describe("role, brand and test mailboxes", () => {
  it.each([
    ["docomo@docomo.ne.jp"],
    ["shop-kasumi@d.shop-kasumi.ne.jp"],
    ["au@ezweb.ne.jp"],
    ["willcom@wm.pdx.ne.jp"],
    ["cp932@ezweb.ne.jp"],
    ["unknown@docomo.ne.jp"],
    ["abc1@gmail.com"],
    ["guestUser2@gmail.com"],
  ])("%s is not a person's", (v) => expect(personalEmail(v)).toBe(false));
  it("generated personal addresses on the same domains still pass", () => {
    for (const d of ["docomo.ne.jp", "ezweb.ne.jp", "gmail.com"]) expect(personalEmail(`${lower(5)}.${lower(6)}@${d}`)).toBe(true);
  });
});

describe("Latin names", () => {
  it("rejects NO NAME (a placeholder word before the romaji check)", () => expect(latinPersonName("NO NAME")).toBe(false));
  it("still accepts a generated romaji name", () => expect(latinPersonName(`${faker.helpers.arrayElement(["Haruto", "Yui", "Sota"])} ${faker.helpers.arrayElement(["Sato", "Kato", "Ono"])}`)).toBe(true));
});
