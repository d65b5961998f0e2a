import type { ValidatorResult } from "./types.js";

/**
 * A street address of a dwelling in Japan: a municipality (市/区/郡/町/村) followed by block
 * numbers (丁目/番地/号 or 1-2-3 with kanji or arabic numerals). With a prefecture, or with a
 * 丁目/番地/号 marker, it is "high"; otherwise "medium" (also the street part alone: a town and N-N-N). Addresses that name only a building of
 * a company (ビル + 階 without a room number) are left to context rules.
 */
export function japaneseAddress(value: string): ValidatorResult {
  const v = value.trim();
  if (!/(\d{1,4}|[一二三四五六七八九十]{1,3})(丁目|番地?|号|-\d)/u.test(v)) return false;
  // Without a municipality (市/区/郡/町/村) it is only the street part of an address column.
  if (!/[市区郡町村]/u.test(v)) return /^[\p{Script=Han}ぁ-んァ-ヶー々ヶ]/u.test(v) ? "medium" : false;
  if (/(?:^|\D)0{1,4}-0{1,4}(?:-0{1,4})?$/.test(v)) return false;
  if (/^(北海道|東京都|京都府|大阪府|\p{Script=Han}{2,3}県)/u.test(v) || /丁目|番地|号/u.test(v)) return "high";
  return "medium";
}
