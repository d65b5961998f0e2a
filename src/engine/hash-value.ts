import { hash } from "node:crypto";

/** Salted SHA-256 of a value, hex, truncated: the only form in which a value may leave the engine. */
export function hashValue(salt: string, ...parts: string[]): string {
  return hash("sha256", `${salt}\0${parts.join("\0")}`, "hex").slice(0, 20);
}
