import type { ValidatorResult } from "./types.js";
import { isHashOrCiphertext } from "./is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { isCodeExpression } from "./is-code-expression.js";
import { isDummyValue } from "./is-dummy-value.js";
import { looksRandom } from "./looks-random.js";

const WEAK =
  /^(?:pass(?:word|wd)?\d{0,4}|p[a@]ssw[o0]rd\d{0,4}|secret\d{0,4}|admin\d{0,4}|root|toor|guest|test\d{0,4}|user\d{0,4}|demo|qwerty\d{0,4}|letmein|welcome\d{0,4}|default|postgres|mysql|mariadb|redis|mongo(?:db)?|rabbitmq|oracle|sa|dev|development|local|localhost|\d{1,12}|[a-z]{1,7})$/i;

/**
 * The value of a password-like name (`password`, `passwd`, `DB_PASSWORD`, `パスワード`…): 8–128
 * characters, not a reference, placeholder, well-known default (password, postgres, changeme…),
 * hash, ciphertext, path or prose (no whitespace), with at least one digit, and random-looking
 * (entropy ≥ 2.8 bits/char, two character classes).
 */
export function genericPasswordValue(value: string): ValidatorResult {
  if (value.length < 8 || value.length > 128) return false;
  if (isPlaceholderOrReference(value) || isHashOrCiphertext(value)) return false;
  if (WEAK.test(value)) return false;
  if (isCodeExpression(value) || isDummyValue(value)) return false;
  if (value.includes("://") || value.startsWith(".")) return false; // URLs and paths / file-relative names
  if (!/^[\x21-\x7e]+$/.test(value)) return false; // whitespace or non-ASCII: prose, not a key
  if (/^(?:[A-Za-z]:\\|\/|~\/|\.\.?\/)/.test(value)) return false;
  if (!/[0-9]/.test(value)) return false;
  if (/^[a-z]+(?:[_-][a-z]+)*$/i.test(value)) return false;
  return looksRandom(value, 2.8) ? "medium" : false;
}
