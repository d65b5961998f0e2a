import { createHash } from "node:crypto";

/** Salted SHA-256 of a value, hex, truncated: the only form in which a value may leave the engine. */
export function hashValue(salt: string, ...parts: string[]): string {
  const h = createHash("sha256");
  h.update(salt);
  for (const p of parts) {
    h.update("\0");
    h.update(p);
  }
  return h.digest("hex").slice(0, 20);
}
