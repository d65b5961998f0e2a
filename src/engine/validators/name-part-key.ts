/** Which part of a name a field holds, from its key: family (last_name, 姓, sei) or given (first_name, 名, mei), and whether it is the reading. */
export interface NamePartKey {
  part: "family" | "given";
  /** The kana or romaji reading of that part (last_name_kana, セイ, mei_kana). */
  reading: boolean;
}

const FAMILY = /^(?:last|family|sur)[ _-]?name|^lastname|^surname|^sei(?:[ _-]|kana|$)|^姓|^氏(?!名)|^苗字|^名字|^セイ|^せい/i;
const GIVEN = /^(?:first|given|fore)[ _-]?name|^firstname|^forename|^mei(?:[ _-]|kana|$)|^名(?!前|称)|^メイ|^めい/i;
const READING = /kana|yomi|furigana|reading|phonetic|カナ|かな|ふりがな|フリガナ|読み|よみ|^セイ|^メイ|^せい|^めい/i;

/** The name part a key names (`last_name_kana` → family reading), or undefined for any other key. */
export function namePartKey(key: string): NamePartKey | undefined {
  const k = key.trim();
  const part = FAMILY.test(k) ? "family" : GIVEN.test(k) ? "given" : undefined;
  return part === undefined ? undefined : { part, reading: READING.test(k) };
}
