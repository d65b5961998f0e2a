import { describe, expect, it } from "vitest";
import { kindsByLine, scanText } from "../decode/person-formats-helpers.js";
import { fakePersons } from "../helpers/fake-person.js";

// Sentences written the way notes, tickets and mails mention people; persons made by faker.
const people = fakePersons(6, 31);

describe("personal data in prose", () => {
  it.each(people.map((p, i) => [i, p] as const))("person %i: every sentence gives its fields", (_i, p) => {
    const address = `${p.state}${p.city}${p.street}`;
    const text = [
      `住所は${address}です。`,
      `送付先は${address}でお願いします。`,
      `${p.sei}（${p.seiKana}）さんから問い合わせがありました。`,
      `${p.sei} ${p.mei}（${p.seiKana} ${p.meiKana}）`,
      `101号${p.sei}${p.mei}様`,
      `担当：${p.sei} ${p.mei}`,
      `生年月日は${p.birth.y}年${p.birth.m}月${p.birth.d}日です。`,
      `電話は${p.mobile}までお願いします。`,
      `TEL:${p.mobile}`,
      "",
    ].join("\n");
    expect(kindsByLine(scanText("notes/memo.txt", text).findings)).toEqual({
      1: ["address"],
      2: ["address"],
      3: ["name"],
      4: ["name"],
      5: ["name"],
      6: ["name"],
      7: ["dob"],
      8: ["phone"],
      9: ["phone"],
    });
  });

  it("wareki birth dates, long and short", () => {
    const [p] = fakePersons(1, 32);
    const showa = p.birth.y - 1925; // faker's birth years fall in Shōwa or Heisei; keep Shōwa for the test
    const y = showa >= 1 && showa <= 63 ? showa : 50;
    const text = [`生年月日は昭和${y}年${p.birth.m}月${p.birth.d}日です。`, `生年月日 S${y}.${p.birth.m}.${p.birth.d}`, `平成元年${p.birth.m}月${p.birth.d}日生まれ`, ""].join("\n");
    expect(kindsByLine(scanText("memo.txt", text).findings)).toEqual({ 1: ["dob"], 2: ["dob"], 3: ["dob"] });
  });

  it("prose without a person gives nothing: places with readings, 殿町, facilities, placeholders", () => {
    const text = [
      "渋谷区（シブヤク）の天気は晴れです。",
      "日本語（ニホンゴ）のドキュメントを更新しました。",
      "川崎市川崎区殿町3丁目の研究施設を見学した。",
      "山田 太郎（ヤマダ タロウ）様のような仮の名前を使ってください。",
      "お客様各位、皆様へのお知らせです。",
      "本社101号室様",
      "",
    ].join("\n");
    expect(scanText("docs/guide.md", text).findings).toEqual([]);
  });
});
