import type { ValidatorResult } from "./types.js";

/**
 * A Japanese postal code: 3 + 4 digits (〒 and the hyphen optional). All-zero, one-digit runs and
 * sequential placeholders (123-4567) are rejected.
 */
export function postalCode(value: string): ValidatorResult {
  const d = value.replace(/^〒\s*/u, "").replace(/[\s-]/g, "");
  if (!/^\d{7}$/.test(d)) return false;
  if (/^(\d)\1{6}$/.test(d) || d === "1234567" || d === "0123456" || d.endsWith("0000") && d.startsWith("000")) return false;
  if (d.startsWith("000")) return false;
  return true;
}
