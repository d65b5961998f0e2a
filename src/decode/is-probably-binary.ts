import { isAscii, isUtf8 } from "node:buffer";
import { isMostlyText } from "./is-mostly-text.js";

const SAMPLE = 8000;

/** A known binary magic number at the start (PNG, JPEG, GIF, PDF, ELF, Mach-O, class, OLE2, wasm, RIFF, bzip2, xz, 7z, SQLite, woff); text-like magics (PE's "MZ") are left to the NUL rule. */
function hasBinaryMagic(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const w = ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
  switch (w) {
    case 0x89504e47: // PNG
    case 0x47494638: // GIF
    case 0x25504446: // PDF
    case 0x7f454c46: // ELF
    case 0xcffaedfe: // Mach-O
    case 0xcafebabe: // Java class / fat Mach-O
    case 0xd0cf11e0: // OLE2 (legacy .xls/.doc, encrypted OOXML)
    case 0x0061736d: // wasm
    case 0x52494646: // RIFF
    case 0xfd377a58: // xz
    case 0x377abcaf: // 7z
    case 0x774f4646: // woff
    case 0x774f4632: // woff2
      return true;
  }
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true; // JPEG
  // bzip2: "BZh" + block size digit + block magic 0x314159265359; SQLite: "SQLite format 3\0"
  if (b.length >= 10 && b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68 && b[4] === 0x31 && b[5] === 0x41 && b[6] === 0x59) return true;
  return b.length >= 16 && String.fromCharCode(...b.subarray(0, 16)) === "SQLite format 3\0";
}

/**
 * True when the bytes look like a binary file: a known magic number or a NUL byte in the first
 * 8000 bytes (git's rule) unless the whole file is mostly text (isMostlyText), or, for bytes that are not valid UTF-8 (legacy encodings or binary),
 * more than 10% control characters in that sample. `validUtf8`: already known by the caller. Call it only after UTF-16 has been ruled
 * out (UTF-16 text is full of NUL bytes).
 */
export function isProbablyBinary(bytes: Uint8Array, validUtf8?: boolean): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  // A magic number or a NUL is a hint, not a verdict: text behind either (e.g. a .env with a
  // PNG signature prepended) is still text when the whole file is mostly text.
  if (hasBinaryMagic(bytes) || bytes.subarray(0, n).includes(0)) return !isMostlyText(bytes);
  // like git: without NUL, ASCII and valid UTF-8 are text (native checks, no loop on plain source)
  if (validUtf8 ?? (isAscii(bytes) || isUtf8(bytes))) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    // \t \n \v \f \r and ESC (ISO-2022-JP) are text
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++;
  }
  return n > 0 && control / n > 0.1;
}
