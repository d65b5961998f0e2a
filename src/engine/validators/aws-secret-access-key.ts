import type { ValidatorResult } from "./types.js";
import { looksRandom } from "./looks-random.js";

/**
 * An AWS secret access key: 40 characters of base64 (A-Za-z0-9/+) that look random; AWS's
 * documentation secret (…EXAMPLEKEY) and placeholders are rejected.
 */
export function awsSecretAccessKey(value: string): ValidatorResult {
  if (!/^[A-Za-z0-9/+]{40}$/.test(value)) return false;
  if (/EXAMPLE/i.test(value)) return false;
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/[0-9]/.test(value)) return false;
  return looksRandom(value, 4.0) ? "high" : false;
}
