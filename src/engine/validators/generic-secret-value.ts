import type { ValidatorResult } from "./types.js";
import { isHashOrCiphertext } from "./is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { isCodeExpression } from "./is-code-expression.js";
import { isDummyValue } from "./is-dummy-value.js";
import { looksRandom } from "./looks-random.js";
import { WEAK_VALUE } from "./weak-grade.js";

/**
 * The value of a secret-like name (`SECRET_KEY`, `api_token`, `client_secret`…) found by a generic
 * rule. Not a finding: a reference, placeholder, hash, UUID, ciphertext, path, URL, file name,
 * code expression or prose (whitespace), a plain word, or shorter than 8 characters. Medium: at
 * least 12 characters that look random (entropy ≥ 3 bits/char, two character classes) with a
 * digit (or ≥ 32 mixed-case characters). A shorter or typed-looking value with a digit or mixed
 * case (`s3cr3t-key`, `abc123def`) is found with low confidence and the `weak-value` tag.
 */
export function genericSecretValue(value: string): ValidatorResult {
  if (value.length < 8 || value.length > 600) return false;
  if (isPlaceholderOrReference(value) || isHashOrCiphertext(value)) return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\.?\/|~\/)/i.test(value)) return false;
  if (/\.(?:pem|key|json|ya?ml|txt|crt|p12|pfx|env|js|ts|py|rb|go|java|xml|ini|conf|html?|css|png|jpg|svg)$/i.test(value)) return false;
  if (isCodeExpression(value)) return false;
  if (/\.(?:md|html?|rst|adoc)#/i.test(value)) return false; // a link to a document's section: environment.md#GCM_X
  if (/^[a-z][a-z0-9-]{1,30}:[A-Z][A-Za-z0-9]{2,80}$/.test(value)) return false; // an IAM action name: iam:ListServiceSpecificCredentials
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)+$/.test(value)) return false; // a constant's name: PKCS8_PRIVATEKEY
  if (value.includes("://") || value.startsWith(".")) return false; // URLs and paths / file-relative names
  if (!/^[\x21-\x7e]+$/.test(value)) return false; // whitespace or non-ASCII: prose, not a key
  if (/^[A-Za-z]+(?:[_ .:/-][A-Za-z]+)*$/.test(value) && !(value.length >= 32 && /[a-z]/.test(value) && /[A-Z]/.test(value))) return false;
  const strong =
    value.length >= 12 &&
    !isDummyValue(value) &&
    (/[0-9]/.test(value) || (value.length >= 32 && /[a-z]/.test(value) && /[A-Z]/.test(value))) &&
    looksRandom(value, 3.0);
  if (strong) return "medium";
  // A typed secret (T0pS3cr3t-like: upper, lower and digit, no separators or test words) is weak;
  // anything else short (ids, constants, %TEMPLATE%, host:port, test fillers) is not a finding.
  if (/^[A-Za-z0-9!#$&*+=?^~]+$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && !/test|example|sample/i.test(value) && !/(.)\1{4,}/.test(value)) return WEAK_VALUE;
  return false;
}
