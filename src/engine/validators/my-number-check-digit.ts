import type { ValidatorResult } from "./types.js";

/**
 * My Number (個人番号): 12 digits whose last digit is the check digit defined in 総務省令第85号
 * 第5条: with the first 11 digits numbered from the right (n = 1..11), weights are n + 1 for
 * n ≤ 6 and n − 5 for n ≥ 7 (2–7, then 2–6); r = Σ mod 11; check = 0 if r ≤ 1, else 11 − r.
 * Spaces and hyphens between digit groups are ignored. A run of one digit (000000000000) is a
 * dummy and rejected.
 */
export function myNumberCheckDigit(value: string): ValidatorResult {
  const digits = value.replace(/[\s\-\u2010-\u2015\u30fc]/gu, "");
  if (!/^\d{12}$/.test(digits)) return false;
  if (/^(\d)\1{11}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const d = digits.charCodeAt(11 - n) - 48;
    sum += d * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  const check = r <= 1 ? 0 : 11 - r;
  return check === digits.charCodeAt(11) - 48;
}
