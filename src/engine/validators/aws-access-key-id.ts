import type { ValidatorResult } from "./types.js";

/** Prefixes of AWS unique ids that are access key ids: long-term (AKIA) and temporary (ASIA). */
const KEY_PREFIXES = new Set(["AKIA", "ASIA", "ABIA", "ACCA"]);

/**
 * An AWS access key id: a known prefix and 16 characters of AWS's base32 alphabet (A-Z, 2-7).
 * AWS's documentation key (…EXAMPLE) and runs of one character (AKIAXXXX…) are rejected.
 */
export function awsAccessKeyId(value: string): ValidatorResult {
  if (!/^[A-Z0-9]{20}$/.test(value)) return false;
  if (!KEY_PREFIXES.has(value.slice(0, 4))) return false;
  const rest = value.slice(4);
  if (!/^[A-Z2-7]{16}$/.test(rest)) return false;
  if (rest.endsWith("EXAMPLE") || /(.)\1{5,}/.test(rest)) return false;
  return "high";
}
