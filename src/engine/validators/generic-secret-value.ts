import type { ValidatorResult } from "./types.js";
import { isHashOrCiphertext } from "./is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { isCodeExpression } from "./is-code-expression.js";
import { isDummyValue } from "./is-dummy-value.js";
import { looksRandom } from "./looks-random.js";

/**
 * The value of a secret-like name (`SECRET_KEY`, `api_token`, `client_secret`…) found by a generic
 * rule: at least 12 characters that look random (entropy ≥ 3 bits/char, two character classes),
 * and not a reference, placeholder, hash, UUID, ciphertext, path, URL, dotted identifier or prose
 * (no whitespace); a digit is required unless the value is ≥ 32 mixed-case characters.
 */
export function genericSecretValue(value: string): ValidatorResult {
  if (value.length < 12 || value.length > 600) return false;
  if (isPlaceholderOrReference(value) || isHashOrCiphertext(value)) return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\.?\/|~\/)/i.test(value)) return false;
  if (/\.(?:pem|key|json|ya?ml|txt|crt|p12|pfx|env|js|ts|py|rb|go|java|xml|ini|conf)$/i.test(value)) return false;
  if (isCodeExpression(value) || isDummyValue(value)) return false;
  if (value.includes("://") || value.startsWith(".")) return false; // URLs and paths / file-relative names
  if (!/^[\x21-\x7e]+$/.test(value)) return false; // whitespace or non-ASCII: prose, not a key
  if (!/[0-9]/.test(value) && !(value.length >= 32 && /[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  if (/^[A-Za-z]+(?:[_ -][A-Za-z]+)*$/.test(value) && value.length < 40) return false;
  return looksRandom(value, 3.0) ? "medium" : false;
}
