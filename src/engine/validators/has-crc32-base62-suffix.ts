import { crc32 } from "node:zlib";
import { encodeBase62 } from "./encode-base62.js";

/**
 * The checksum scheme of GitHub's and npm's tokens: the last six characters are the CRC-32 of
 * the random part before them, in base62 (0-9A-Za-z) left-padded to six characters.
 */
export function hasCrc32Base62Suffix(body: string): boolean {
  if (body.length < 7) return false;
  const random = body.slice(0, -6);
  return encodeBase62(crc32(random), 6) === body.slice(-6);
}
