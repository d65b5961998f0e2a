import type { ValidatorResult } from "./types.js";
import { decodeUserPass } from "./decode-user-pass.js";
import { isDummyValue } from "./is-dummy-value.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";

/**
 * Base64 of `user:password` (HTTP Basic credentials, Docker `auths.*.auth`, kintone
 * `X-Cybozu-Authorization`): decodes to printable text with a non-empty user and a password that
 * is not an interpolation or a placeholder.
 */
export function base64UserPass(value: string): ValidatorResult {
  const decoded = decodeUserPass(value);
  if (!decoded) return false;
  const { text, pass } = decoded;
  if (/^\$\{?|^<.*>$|^\*+$|^x+$/i.test(pass) || isPlaceholderOrReference(text)) return false;
  if (/^(?:password|pass|changeme|secret|test|dummy)$/i.test(pass) || isDummyValue(pass)) return false;
  return "high";
}
