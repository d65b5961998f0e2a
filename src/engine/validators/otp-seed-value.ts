import type { ValidatorResult } from "./types.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";

/**
 * A TOTP/HOTP shared secret (RFC 4226/6238 seed, written in RFC 4648 base32 as authenticator apps
 * and `otpauth://` URIs carry it): 16 to 128 characters of A–Z and 2–7 with at least 8 distinct
 * characters. Anyone holding it generates valid one-time codes. Not a finding: a placeholder
 * (`XXXXXXXXXXXXXXXX`, `YOURSECRETHERE…`) or a run of a few letters (`ABABABAB…`), or the documentation's example seed (`JBSWY3DP…`, base32 of "Hello").
 */
export function otpSeedValue(value: string): ValidatorResult {
  const seed = value.replace(/=+$/, "").toUpperCase();
  if (seed.length < 16 || seed.length > 128 || !/^[A-Z2-7]+$/.test(seed)) return false;
  if (isPlaceholderOrReference(value)) return false;
  if (new Set(seed).size < 8) return false;
  if (/SECRET|BASE32|EXAMPLE|YOUR/.test(seed)) return false;
  if (seed.startsWith("JBSWY3DP")) return false; // base32 of "Hello…": the documented example seed
  return "medium";
}
