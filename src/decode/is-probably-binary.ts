/** Magic numbers of common binary formats (checked before any text heuristic). */
const MAGICS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Java class / fat Mach-O
  [0x4d, 0x5a], // PE (MZ)
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2 (legacy .xls/.doc)
  [0x00, 0x61, 0x73, 0x6d], // wasm
  [0x52, 0x49, 0x46, 0x46], // RIFF (wav, webp, avi)
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], // SQLite
  [0x77, 0x4f, 0x46, 0x46], // woff
  [0x77, 0x4f, 0x46, 0x32], // woff2
];

import { isUtf8 } from "node:buffer";

const SAMPLE = 8000;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * True when the bytes look like a binary file: a known magic number, a NUL byte in the first
 * 8000 bytes (git's rule), or (for bytes that are not valid UTF-8) many control characters. Call it only after UTF-16 has been ruled
 * out (UTF-16 text is full of NUL bytes).
 */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  for (const m of MAGICS) if (startsWith(bytes, m)) return true;
  const n = Math.min(bytes.length, SAMPLE);
  const head = bytes.subarray(0, n);
  if (head.includes(0)) return true;
  // valid UTF-8: a short sample of control characters is enough (spares the loop on plain source)
  const m = isUtf8(bytes) ? Math.min(n, 512) : n;
  let control = 0;
  for (let i = 0; i < m; i++) {
    const b = bytes[i];
    if (b < 0x20) {
      if (b === 0) return true;
      // \t \n \v \f \r and ESC (ISO-2022-JP) are text.
      if (b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
    } else if (b === 0x7f) control++;
  }
  return m > 0 && control / m > 0.1;
}
