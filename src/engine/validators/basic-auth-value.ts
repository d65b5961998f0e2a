import type { ValidatorResult } from "./types.js";
import { decodeUserPass } from "./decode-user-pass.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { looksRandom } from "./looks-random.js";
import { WEAK_VALUE } from "./weak-grade.js";

/**
 * The base64 credentials of an `Authorization: Basic …` header (in a recorded request, a test, a
 * Postman collection, a curl command). Decodes to printable `user:password` with a non-empty user
 * and password; a reference or placeholder password (`${PASS}`, `<password>`, `****`) and the
 * stock `user:password` are not findings. High when the password looks random, otherwise low with the `weak-value` tag
 * (`admin:admin`, `john:password` still log in to a test or default server).
 */
export function basicAuthValue(value: string): ValidatorResult {
  const decoded = decodeUserPass(value);
  if (!decoded) return false;
  const { text, user, pass } = decoded;
  if (/^\$\{?|^<.*>$|^\*+$|^x+$|^\{.*\}$|^%[sdv]$/i.test(pass)) return false;
  if (/\$\{|\{\{/.test(text)) return false;
  if (!/^(?:password|pass|secret)$/i.test(pass) && isPlaceholderOrReference(pass)) return false;
  if (/^(?:user(?:name)?|login)$/i.test(user) && /^(?:password|passwd|pass|pwd)$/i.test(pass)) return false; // the stock user:password
  if (pass.length >= 8 && looksRandom(pass, 2.8)) return "high";
  return WEAK_VALUE;
}
