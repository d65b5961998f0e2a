import type { ValidatorResult } from "./types.js";
import { decodeBase64 } from "./decode-base64.js";
import { isDummyValue } from "./is-dummy-value.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";

/**
 * Base64 of `user:password` (HTTP Basic credentials, Docker `auths.*.auth`, kintone
 * `X-Cybozu-Authorization`): decodes to printable text with a non-empty user and a password that
 * is not an interpolation or a placeholder.
 */
export function base64UserPass(value: string): ValidatorResult {
  const bytes = decodeBase64(value);
  if (!bytes) return false;
  const text = bytes.toString("utf8");
  if (!/^[^\x00-\x1f\x7f\uFFFD]+$/u.test(text)) return false;
  const i = text.indexOf(":");
  if (i <= 0 || i === text.length - 1) return false;
  const pass = text.slice(i + 1);
  if (/^\$\{?|^<.*>$|^\*+$|^x+$/i.test(pass) || isPlaceholderOrReference(text)) return false;
  if (/^(?:password|pass|changeme|secret|test|dummy)$/i.test(pass) || isDummyValue(pass)) return false;
  return "high";
}
