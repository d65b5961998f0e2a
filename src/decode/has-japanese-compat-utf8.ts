import { Buffer } from "node:buffer";

/** Second-byte tests per UTF-8 lead byte for the blocks of normalize-with-map's JAPANESE_COMPAT (a superset is fine). */
function secondByteHits(lead: number, b1: number, b2: number): boolean {
  switch (lead) {
    case 0xe2: // U+2440-24FF enclosed alphanumerics, U+2E80-2FFF radicals
      return (b1 >= 0x91 && b1 <= 0x93) || (b1 >= 0xba && b1 <= 0xbf);
    case 0xe3: // U+3000 ideographic space, U+3200-33FF enclosed CJK / CJK compatibility
      return (b1 === 0x80 && b2 === 0x80) || (b1 >= 0x88 && b1 <= 0x8f);
    case 0xef: // U+F900-FAFF, U+FE30-FE7F, U+FF00-FFEF
      return (b1 >= 0xa4 && b1 <= 0xab) || b1 === 0xb8 || b1 === 0xb9 || (b1 >= 0xbc && b1 <= 0xbe) || (b1 === 0xbf && b2 < 0xb0);
    default: // 0xf0: U+2F800-2FA1F
      return b1 === 0xaf && b2 >= 0xa0 && b2 <= 0xa8;
  }
}

/**
 * Whether UTF-8 bytes may hold a Japanese-relevant compatibility character (full-width forms,
 * half-width kana, U+3000, ㍻, ①…): native memchr for each lead byte, then two byte checks.
 * Lets plain source skip a regex pass over the decoded string. May say true for a few nearby
 * code points; never says false when one is there.
 */
export function hasJapaneseCompatUtf8(input: Uint8Array): boolean {
  // Buffer#indexOf is memchr; Uint8Array#indexOf is a slower generic builtin
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  for (const lead of [0xef, 0xe2, 0xf0, 0xe3]) {
    for (let i = bytes.indexOf(lead); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(lead, i + 1)) {
      if (secondByteHits(lead, bytes[i + 1], bytes[i + 2])) return true;
    }
  }
  return false;
}
