import type { ValidatorResult } from "./types.js";
import { isDummyValue } from "./is-dummy-value.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { looksRandom } from "./looks-random.js";

/**
 * A hard-coded salt or nonce (`salt: '…'`, `"nonce": "…"`): not a secret by itself, but a fixed
 * salt or nonce where hashing or signing expects a fresh or private one weakens it, and recorded
 * OpenID/OAuth nonces sit next to the tokens they protect. Found with low confidence when the value
 * looks random (10–200 characters, two character classes, entropy ≥ 3 bits/char); references,
 * placeholders, words, hex-only byte patterns such as `000102…` and dummy runs are not findings.
 */
export function saltNonceValue(value: string): ValidatorResult {
  if (value.length < 10 || value.length > 200) return false;
  if (isPlaceholderOrReference(value) || isDummyValue(value)) return false;
  if (!/^[A-Za-z0-9+/=_.-]+$/.test(value)) return false;
  if (/^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/.test(value)) return false; // a word or a name: user-NONCE
  return looksRandom(value, 3.0) ? "low" : false;
}
