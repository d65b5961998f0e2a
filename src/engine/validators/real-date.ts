import type { ValidatorResult } from "./types.js";

/** First year (western) of each era; an era year n is start + n − 1. */
const ERAS: Record<string, number> = {
  明治: 1868, 大正: 1912, 昭和: 1926, 平成: 1989, 令和: 2019,
  M: 1868, T: 1912, S: 1926, H: 1989, R: 2019,
};
/** Last western year an era may reach (its end), so 平成40年 is rejected. */
const ERA_END: Record<number, number> = { 1868: 1912, 1912: 1926, 1926: 1989, 1989: 2019, 2019: 9999 };

/** Parses a western or Japanese-era date into [year, month, day]; undefined when the shape is unknown. */
function parseDate(value: string): [number, number, number] | undefined {
  const v = value.normalize("NFKC").replace(/\s+/g, "");
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:生まれ|生)?$/u.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  // Day and month before the year (04/12/1985, 12.04.1985): either order must make a date.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a > 12 ? [Number(m[3]), b, a] : [Number(m[3]), a, b];
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = /^(明治|大正|昭和|平成|令和|[MTSHR])(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:生まれ|生)?$/iu.exec(v);
  if (m) {
    const start = ERAS[m[1].toUpperCase()];
    const n = m[2] === "元" ? 1 : Number(m[2]);
    if (n < 1) return undefined;
    const year = start + n - 1;
    if (year > ERA_END[start]) return undefined;
    return [year, Number(m[3]), Number(m[4])];
  }
  return undefined;
}

/**
 * A date of birth that exists on the calendar (leap years included), written as 1985-04-12,
 * 1985/4/12, 1985年4月12日, 19850412, 昭和60年4月12日, S60.04.12, H1.1.8, 令和元年5月1日
 * (㍻ and full-width digits arrive NFKC-normalised). The year must be 1900 or later and not in
 * the future of the scanning clock's century (≤ 2099).
 */
export function realDate(value: string): ValidatorResult {
  const parsed = parseDate(value);
  if (!parsed) return false;
  const [y, mo, d] = parsed;
  if (y < 1900 || y > 2099 || mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}
