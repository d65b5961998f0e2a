import { createHmac, hash } from "node:crypto";

/**
 * Keyed hash of a value (HMAC-SHA256 with the user's fingerprint key over the public salt and
 * the parts), hex, truncated to 80 bits: the only form in which a value may leave the engine.
 * Without the key, guessing a value from its hash and its redacted preview is infeasible.
 * `key === null` is the unkeyed salted SHA-256 of Mamori 0.1, kept only so that `mamori rekey
 * --from-unkeyed` can recognise old fingerprints.
 */
export function hashValue(key: Uint8Array | string | null, salt: string, ...parts: string[]): string {
  const text = `${salt}\0${parts.join("\0")}`;
  if (key === null) return hash("sha256", text, "hex").slice(0, 20);
  return createHmac("sha256", key).update(text).digest("hex").slice(0, 20);
}
