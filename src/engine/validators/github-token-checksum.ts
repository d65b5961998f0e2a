import type { ValidatorResult } from "./types.js";
import { hasCrc32Base62Suffix } from "./has-crc32-base62-suffix.js";

const CLASSIC = /^gh[pousr]_([A-Za-z0-9]{36})$/;
const FINE_GRAINED = /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/;

/**
 * GitHub tokens (https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/):
 * `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` + 30 random base62 characters + a 6-character base62 CRC-32
 * of the random part. A token whose checksum does not hold is a look-alike (test data, typo) and
 * is rejected. Fine-grained PATs (`github_pat_`) have no public checksum: their shape is checked.
 */
export function githubTokenChecksum(value: string): ValidatorResult {
  const classic = CLASSIC.exec(value);
  if (classic) return hasCrc32Base62Suffix(classic[1]) ? "high" : false;
  if (FINE_GRAINED.test(value)) return /[0-9]/.test(value.slice(11)) && /[a-z]/.test(value.slice(11)) ? "high" : false;
  return false;
}
