import { honorificName } from "./honorific-name.js";
import { kanaName } from "./kana-name.js";
import type { ValidatorResult } from "./types.js";

/** Words that end the names of places, bodies and things, which get readings in brackets too. */
const NOT_A_PERSON = /(都|道|府|県|市|区|町|村|郡|駅|線|川|山|島|港|橋|寺|城|社|店|局|庁|館|院|所|署|会|組|園|語|式|法|論|学|部|課|係|室)$/u;

/**
 * A person's name followed by its reading in brackets, as written in rosters and forms:
 * 姓 名（セイ メイ）. The name must start with a known surname and be written in two
 * parts (a space in the name or in the reading), the reading must be one or two words of kana.
 * Place names, bodies and terms with readings (渋谷区（シブヤク）, 日本語（ニホンゴ）) are rejected.
 */
export function nameWithReading(value: string): ValidatorResult {
  const m = /^(.+?) ?\((.+)\)$/u.exec(value.trim());
  if (!m) return false;
  const [, name, reading] = m;
  if (NOT_A_PERSON.test(name.replace(/\s+/gu, ""))) return false;
  if (!/\s/u.test(name) && !/[\s・]/u.test(reading)) return false;
  if (kanaName(reading.replace(/・/gu, " ")) === false) return false;
  const verdict = honorificName(name);
  return verdict === false ? false : "high";
}
