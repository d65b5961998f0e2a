import type { ValidatorResult } from "./types.js";
import { hasCrc32Base62Suffix } from "./has-crc32-base62-suffix.js";
import { looksRandom } from "./looks-random.js";

/**
 * npm access tokens: `npm_` + 30 random base62 characters + 6-character base62 CRC-32 (the GitHub
 * scheme). A valid checksum gives high confidence. A token whose checksum does not hold but that
 * is otherwise random-looking is kept with medium confidence: npm's registry accepts tokens
 * issued before the checksum was enforced by every client, and a bad checksum in an `.npmrc` is
 * more often a hand-edited copy than a decoy. Placeholders (low variety) are rejected.
 */
export function npmTokenChecksum(value: string): ValidatorResult {
  const m = /^npm_([A-Za-z0-9]{36})$/.exec(value);
  if (!m) return false;
  if (hasCrc32Base62Suffix(m[1])) return "high";
  return looksRandom(m[1]) ? "medium" : false;
}
