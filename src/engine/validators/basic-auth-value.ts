import type { ValidatorResult } from "./types.js";
import { decodeBase64 } from "./decode-base64.js";
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
  const bytes = decodeBase64(value);
  if (!bytes) return false;
  const text = bytes.toString("utf8");
  if (!/^[^\x00-\x1f\x7f\uFFFD]+$/u.test(text)) return false;
  const i = text.indexOf(":");
  if (i <= 0 || i === text.length - 1) return false;
  const pass = text.slice(i + 1);
  if (/^\$\{?|^<.*>$|^\*+$|^x+$|^\{.*\}$|^%[sdv]$/i.test(pass)) return false;
  if (/\$\{|\{\{/.test(text)) return false;
  if (!/^(?:password|pass|secret)$/i.test(pass) && isPlaceholderOrReference(pass)) return false;
  if (/^(?:user(?:name)?|login)$/i.test(text.slice(0, i)) && /^(?:password|passwd|pass|pwd)$/i.test(pass)) return false; // the stock user:password
  if (pass.length >= 8 && looksRandom(pass, 2.8)) return "high";
  return WEAK_VALUE;
}
