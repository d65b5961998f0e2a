import { dummyName } from "./dummy-name.js";
import { knownSurnameLength } from "./known-surname-length.js";
import { startsWithUiWord } from "./ui-word.js";
import type { ValidatorResult } from "./types.js";

/** Words that end organisation names: a trading company (…商事) addressed with 様 is not a person. */
const ORG = /(商事|商店|商会|産業|工業|建設|工務店|銀行|信金|会社|法人|病院|医院|薬局|事務所|組合|協会|学校|大学|役所|役場|支店|本店|店|部|課|係|室|センター|グループ|御中)$/u;

/**
 * A person's name written before an honorific (様, さん, 殿, 氏, くん, ちゃん) in prose: it must start
 * with a known Japanese surname, optionally followed by a space and a given name of 1–4
 * characters (kanji or kana). Placeholders (山田太郎 …) and organisation names are rejected.
 */
export function honorificName(value: string): ValidatorResult {
  const v = value.trim();
  if (dummyName(v) || ORG.test(v) || startsWithUiWord(v)) return false;
  // たくさん (many), 皆さん: a word before さん, not a name (草原にたくさん, 機関車がたくさん)
  if (/たく$|みな$/u.test(v)) return false;
  const n = knownSurnameLength(v);
  if (n === 0) return false;
  const rest = v.slice(n).trimStart();
  if (rest.length === 0) return "medium";
  if (!/^[\p{Script=Han}々ぁ-んァ-ヶー]{1,4}$/u.test(rest)) return false;
  // A kanji followed by a particle is a phrase (機関車が…), not a given name.
  if (/[\p{Script=Han}][にがをはでへのとも]/u.test(rest)) return false;
  return "high";
}
