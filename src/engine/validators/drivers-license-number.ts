import type { ValidatorResult } from "./types.js";

/** Codes of the prefectural public safety commissions (北海道 10–14 … 沖縄 97). */
const COMMISSIONS = new Set([
  10, 11, 12, 13, 14, 20, 21, 22, 23, 24, 25, 30, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55,
  60, 61, 62, 63, 64, 65, 70, 71, 72, 73, 74, 80, 81, 82, 83, 90, 91, 92, 93, 94, 95, 96, 97,
]);

/**
 * A Japanese driver's licence number: 12 digits — commission code (2), year of first licence (2),
 * serial (6), check digit (1), reissue count (1). The check digit as commonly documented: the
 * first ten digits weighted 5,4,3,2,7,6,5,4,3,2, r = Σ mod 11, check = last digit of 11 − r.
 * When the check digit holds and the commission code exists the value is "high", otherwise
 * "medium" (the police do not publish the rule, so it only raises confidence; the rule requires a
 * licence label or column anyway). One-digit runs and codes outside 10–97 are rejected.
 */
export function driversLicenseNumber(value: string): ValidatorResult {
  const d = value.replace(/[\s-]/g, "");
  if (!/^\d{12}$/.test(d) || /^(\d)\1{11}$/.test(d)) return false;
  const commission = Number(d.slice(0, 2));
  if (commission < 10 || commission > 97) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * weights[i];
  const check = (11 - (sum % 11)) % 10;
  return check === d.charCodeAt(10) - 48 && COMMISSIONS.has(commission) ? "high" : "medium";
}
