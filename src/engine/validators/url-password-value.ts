import type { ValidatorResult } from "./types.js";
import { isHashOrCiphertext } from "./is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { looksRandom } from "./looks-random.js";
import { WEAK_VALUE } from "./weak-grade.js";

/** Words people write where the password goes: they are silent only together with nothing else. */
const WORD_PASSWORD = /^(?:password|passwd|pass|pwd|secret|changeme)$/i;

/**
 * The password part of `scheme://user:password@host` (any scheme: nats-route, mqtt, amqp, redis,
 * http proxies…). Not a finding: a reference or format placeholder (`${DB_PASS}`, `$PASS`,
 * `<password>`, `%s`, `{pass}`, `:password`, `****`), a hash or ciphertext, or a value shorter
 * than 3 characters, or a filler word (`pwd`, `foo`, `bar`); the rule also skips a password equal to
 * the user name (`alice:alice@`). High: random-looking (entropy ≥ 2.8, two classes, 8+ characters). Anything
 * else (`top_secret`, `guest`, `password`) still opens the server it names, in a test or a
 * default config: found with low confidence and the `weak-value` tag.
 */
export function urlPasswordValue(raw: string): ValidatorResult {
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    /* keep raw */
  }
  if (value.length < 3 || value.length > 256) return false;
  if (/^\$|^%[A-Za-z0-9]?[sdv]$|^%\(|^\{.*\}$|^\[.*\]$|^<.*>$|^:[A-Za-z_]\w*$|^\*+$|^x+$|^\.+$/i.test(value)) return false;
  if (/\$\{|\{\{|<%|#\{|%[sdv](?![A-Za-z0-9])/.test(value)) return false;
  if (!WORD_PASSWORD.test(value) && isPlaceholderOrReference(value)) return false;
  if (/^(?:changeme|pwd|foo|bar|baz|qux|foobar)$/i.test(value)) return false; // metasyntactic fillers
  if (isHashOrCiphertext(value)) return false;
  if (/^[A-Z][A-Z0-9_]*$/.test(value) && value.length > 3 && /_|PASS|PWD|SECRET|TOKEN|KEY/.test(value)) return false; // an upper-case variable name: DB_PASSWORD
  if (value.length >= 8 && /[0-9]/.test(value) && looksRandom(value, 2.8)) return "high";
  return WEAK_VALUE;
}
