import type { ValidatorResult } from "./types.js";
import { isDummyValue } from "./is-dummy-value.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { looksRandom } from "./looks-random.js";

/**
 * A provider token whose format has no checksum: accepted when its variable part looks random
 * (no placeholder such as `sk_live_xxxx…`, `0000…`, `****`, `REPLACE_ME`, `1234567890abcdef`; two character classes;
 * entropy ≥ 3 bits/char). The known prefix (up to the last `_`, `-` or `.` within the first 16
 * characters) is ignored when measuring.
 */
export function randomToken(value: string): ValidatorResult {
  if (isPlaceholderOrReference(value)) return false;
  const head = /^[A-Za-z0-9]{1,12}[_.-](?:[A-Za-z0-9]{1,10}[_.-])?/.exec(value)?.[0] ?? "";
  const body = value.length - head.length >= 16 ? value.slice(head.length) : value;
  if (isDummyValue(body)) return false;
  return looksRandom(body, 3.0) ? "high" : false;
}
