import { dummyName } from "./dummy-name.js";
import { knownSurnameLength } from "./known-surname-length.js";
import { startsWithUiWord } from "./ui-word.js";
import type { ValidatorResult } from "./types.js";

/** A company written as a name (株式会社 会社名, ○○商事(株)): not a person. */
const COMPANY = /株式会社|有限会社|合同会社|合資会社|合名会社|一般社団|社団法人|財団法人|\((株|有|同)\)|㈱|㈲/u;
/** Form labels and placeholders standing for a name (姓 名, 氏名, ○○): not a name. */
const LABEL = /^(姓|名|氏|氏名|名前|姓名|せい|めい|セイ|メイ|[○◯〇●×＊*]+)$/u;

const PART = /^[\p{Script=Han}々ヶ]{1,5}$/u;
const GIVEN = /^[\p{Script=Han}々ヶぁ-んァ-ヶー]{1,5}$/u;

/**
 * A person's name as written in a name column (氏名, name, full_name …): family and given name
 * separated by a space (遠藤 湊), or written together when it starts with a known surname
 * (濱田大輔). Placeholders (山田太郎, テスト太郎 …) are rejected.
 */
export function columnName(value: string): ValidatorResult {
  const v = value.trim().replace(/\s+/gu, " ");
  if (dummyName(v) || startsWithUiWord(v) || COMPANY.test(v)) return false;
  const parts = v.split(" ");
  if (parts.some((p) => LABEL.test(p))) return false;
  if (parts.length === 2) {
    if (!PART.test(parts[0]) || !GIVEN.test(parts[1])) return false;
    // A family part of 5 kanji or a given part of 4+ kanji is a pair of words (元日 振替休日, a
    // holiday table's name), unless the family part is a known surname.
    if ((parts[0].length > 4 || /^[\p{Script=Han}々ヶ]{4,}$/u.test(parts[1])) && knownSurnameLength(parts[0]) !== parts[0].length) return false;
    return true;
  }
  if (parts.length !== 1 || !/^[\p{Script=Han}々ヶぁ-んァ-ヶー]{2,7}$/u.test(v)) return false;
  if (/(都|道|府|県|市|区|町|村|郡|部|課|係|室|社|店|局|庁|館|院|所|署|会|組|園|駅|線|港|橋|寺|城|ビル|タワー|ホール|センター|公園|神社|商事|商店|商会|産業|工業|建設|銀行|病院|医院|薬局)$/u.test(v)) return false;
  const n = knownSurnameLength(v);
  return n > 0 && v.length - n >= 1 && v.length - n <= 4;
}
