import { strFromU8 } from "fflate";

export interface ZipEntry {
  /** The name as stored (UTF-8 when flagged, else Latin-1 bytes: zipEntryName makes it readable). */
  name: string;
  /** 0 stored, 8 deflate, anything else unsupported. */
  compression: number;
  /** Compressed size, as the central directory declares it. */
  size: number;
  /** Uncompressed size, as the central directory declares it. */
  originalSize: number;
  /** Offset of the entry's local header. */
  headerOffset: number;
  /** Offset of its data (after the local header). */
  dataOffset: number;
}

const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number) => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
const u64 = (d: Uint8Array, at: number) => u32(d, at) + u32(d, at + 4) * 2 ** 32;

function corrupt(what: string): never {
  throw new Error(`corrupt zip: ${what}`);
}

/**
 * The entries of a zip from its central directory (zip64 too), with where each one's data lies,
 * so the reader can refuse entries that overlap and bound each one's inflation. Names are decoded
 * as fflate decodes them. Throws on a missing or truncated directory.
 */
export function listZipEntries(d: Uint8Array): ZipEntry[] {
  let e = d.length - 22;
  for (; e >= 0 && u32(d, e) !== 0x06054b50; --e) if (d.length - e > 65557) e = -1;
  if (e < 0) corrupt("no end of central directory (not a zip file)");
  let count = u16(d, e + 10);
  let at = u32(d, e + 16);
  let zip64 = e >= 20 && u32(d, e - 20) === 0x07064b50;
  if (zip64) {
    const z = u64(d, e - 12);
    zip64 = z + 56 <= d.length && u32(d, z) === 0x06064b50;
    if (zip64) {
      count = u64(d, z + 32);
      at = u64(d, z + 48);
    }
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > d.length || u32(d, at) !== 0x02014b50) corrupt("central directory entry out of place");
    const nameLength = u16(d, at + 28);
    const extraStart = at + 46 + nameLength;
    const extraEnd = extraStart + u16(d, at + 30);
    if (extraEnd > d.length) corrupt("central directory entry truncated");
    const name = strFromU8(d.subarray(at + 46, extraStart), !(u16(d, at + 8) & 2048));
    let size = u32(d, at + 20);
    let originalSize = u32(d, at + 24);
    let headerOffset = u32(d, at + 42);
    if (zip64 && (size === 0xffffffff || originalSize === 0xffffffff || headerOffset === 0xffffffff)) {
      // The zip64 extra field holds, in order, the fields whose 32-bit value is all ones.
      for (let x = extraStart; x + 4 <= extraEnd; x += 4 + u16(d, x + 2)) {
        if (u16(d, x) !== 1) continue;
        let p = x + 4;
        if (originalSize === 0xffffffff) (originalSize = u64(d, p)), (p += 8);
        if (size === 0xffffffff) (size = u64(d, p)), (p += 8);
        if (headerOffset === 0xffffffff) headerOffset = u64(d, p);
        break;
      }
    }
    if (headerOffset + 30 > d.length) corrupt(`entry ${i + 1} starts past the end`);
    const dataOffset = headerOffset + 30 + u16(d, headerOffset + 26) + u16(d, headerOffset + 28);
    if (dataOffset + size > d.length) corrupt(`entry ${i + 1} runs past the end`);
    entries.push({ name, compression: u16(d, at + 10), size, originalSize, headerOffset, dataOffset });
    at = extraEnd + u16(d, at + 32);
  }
  return entries;
}
