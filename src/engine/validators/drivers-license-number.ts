import type { ValidatorResult } from "./types.js";

/**
 * A Japanese driver's licence number: 12 digits; the first two name the issuing prefectural
 * public safety commission (10–97). The 11th digit is a check digit over the first ten
 * (weights 5,4,3,2,7,6,5,4,3,2; r = Σ mod 11; check = 0 if r ≤ 1 else 11 − r): when it holds the
 * value is "high", otherwise "medium" (the check is not documented by the police, so it only
 * raises confidence). One-digit runs are rejected.
 */
export function driversLicenseNumber(value: string): ValidatorResult {
  const d = value.replace(/[\s-]/g, "");
  if (!/^\d{12}$/.test(d) || /^(\d)\1{11}$/.test(d)) return false;
  const commission = Number(d.slice(0, 2));
  if (commission < 10 || commission > 97) return false;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (d.charCodeAt(i) - 48) * weights[i];
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === d.charCodeAt(10) - 48 ? "high" : "medium";
}
