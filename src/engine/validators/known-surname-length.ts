import { faker } from "@faker-js/faker/locale/ja";

/** Old or variant forms of kanji common in surnames, folded to the form the dictionary uses. */
const VARIANTS: Record<string, string> = {
  濱: "浜", 邊: "辺", 邉: "辺", 齋: "斎", 齊: "斉", 髙: "高", 﨑: "崎", 嶋: "島", 嶌: "島", 澤: "沢", 廣: "広",
  櫻: "桜", 國: "国", 德: "徳", 藪: "薮", 冨: "富", 槇: "槙", 瀨: "瀬", 眞: "真", 惠: "恵", 條: "条", 會: "会",
  來: "来", 龍: "竜", 淺: "浅", 繩: "縄", 縣: "県", 實: "実", 與: "与", 萬: "万", 彌: "弥",
};

/** Surnames of the Japanese locale of @faker-js/faker (the 500 most common family names). */
const SURNAMES: ReadonlySet<string> = (() => {
  const list = faker.definitions.person?.last_name;
  const names: string[] = Array.isArray(list) ? list : [...((list as { generic?: string[] } | undefined)?.generic ?? [])];
  return new Set(names.map(fold));
})();
const LONGEST = Math.max(0, ...[...SURNAMES].map((s) => s.length));

function fold(s: string): string {
  let out = "";
  for (const ch of s) out += VARIANTS[ch] ?? ch;
  return out;
}

/**
 * Length (in UTF-16 units of `text`) of the longest known Japanese surname that `text` starts
 * with, 0 when it starts with none. Variant kanji (濱, 邊, 齋, 髙, 﨑 …) count as their common form.
 * Data: @faker-js/faker's Japanese surname list, a maintained dataset rather than a hand list.
 */
export function knownSurnameLength(text: string): number {
  const head = fold(text.slice(0, LONGEST));
  for (let n = Math.min(LONGEST, head.length); n >= 1; n--) if (SURNAMES.has(head.slice(0, n))) return n;
  return 0;
}
