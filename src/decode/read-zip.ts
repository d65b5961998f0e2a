import { Inflate } from "fflate";
import type { Skipped } from "./decode-file.js";
import type { DecodeBudget } from "./decode-budget.js";
import { listZipEntries, type ZipEntry } from "./list-zip-entries.js";
import { zipEntryName } from "./zip-entry-name.js";

export interface ZipLimits {
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest uncompressed:compressed ratio for entries over 64 KiB. */
  maxRatio: number;
  budget: DecodeBudget;
}

export interface ZipRead {
  files: Map<string, Uint8Array>;
  skipped: Skipped[];
}

const RATIO_FLOOR = 64 * 1024;
const MAX_LISTED = 100;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Compressed bytes handed to the inflater at a time: an entry that inflates past its declared size is stopped within one slice. */
const SLICE = 16 * 1024;
/** Wall-clock budget of one archive's entries (MAMORI_ZIP_TIME_LIMIT_MS); the rest are listed as skipped. */
const DEFAULT_TIME_LIMIT_MS = 30_000;

/**
 * Reads the entries of a zip (or an OOXML package) within the limits: the entry count and the
 * total uncompressed bytes are drawn from the shared budget, and an entry is refused before it
 * is inflated when its declared size is over the limit or its compression ratio is suspicious
 * (zip bomb). Hostile layouts are refused too: entries whose data overlap (one deflate stream
 * shared by many entries) are listed as skipped, and each entry is inflated in small slices and
 * stopped as soon as it passes its declared size (a header that under-declares it cannot make
 * the reader inflate the whole stream: the entry is cut there and listed as partly read). One
 * archive has a time budget; past it the remaining entries are listed as skipped. `want` picks
 * the entries (default: every file). Throws on a corrupt archive; a corrupt single entry is
 * listed as skipped. Entry names are returned readable (zipEntryName).
 */
export function readZip(bytes: Uint8Array, prefix: string, limits: ZipLimits, want: (name: string) => boolean = () => true): ZipRead {
  const entries = listZipEntries(bytes);
  const skipped: Skipped[] = [];
  const allowed: ZipEntry[] = [];
  let overCount = 0;
  for (const f of entries) {
    if (f.name.endsWith("/") || !want(f.name)) continue;
    const path = `${prefix}${zipEntryName(f.name)}`;
    if (limits.budget.entriesLeft <= 0) {
      overCount++;
      if (overCount <= MAX_LISTED) skipped.push({ path, reason: "archive entry limit reached" });
      continue;
    }
    limits.budget.entriesLeft--;
    if (f.compression !== 0 && f.compression !== 8) {
      skipped.push({ path, reason: `unsupported zip compression method ${f.compression}` });
    } else if (f.originalSize > limits.maxEntryBytes) {
      skipped.push({ path, reason: `too large (${f.originalSize} bytes > ${limits.maxEntryBytes})` });
    } else if (f.originalSize >= RATIO_FLOOR && f.originalSize / Math.max(f.size, 1) > limits.maxRatio) {
      skipped.push({ path, reason: `compression ratio ${Math.round(f.originalSize / Math.max(f.size, 1))}:1 over the limit ${limits.maxRatio}:1 (possible zip bomb)` });
    } else if (f.originalSize > limits.budget.bytesLeft) {
      skipped.push({ path, reason: `archive size limit reached (${f.originalSize} bytes > ${Math.max(limits.budget.bytesLeft, 0)} left)` });
    } else {
      limits.budget.bytesLeft -= f.originalSize;
      allowed.push(f);
    }
  }
  if (overCount > MAX_LISTED) skipped.push({ path: `${prefix}…`, reason: `${overCount - MAX_LISTED} more entries not scanned: archive entry limit reached` });
  const files = new Map<string, Uint8Array>();
  // Entries whose bytes overlap another's: a legitimate zip never has them (zip bomb layout).
  const overlapping = new Set<ZipEntry>();
  const byStart = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1];
    if (byStart[i].headerOffset < prev.dataOffset + prev.size) {
      overlapping.add(prev);
      overlapping.add(byStart[i]);
    }
  }
  const limitMs = Number(process.env.MAMORI_ZIP_TIME_LIMIT_MS) || DEFAULT_TIME_LIMIT_MS;
  const deadline = Date.now() + limitMs;
  for (const f of allowed) {
    const path = `${prefix}${zipEntryName(f.name)}`;
    if (overlapping.has(f)) {
      skipped.push({ path, reason: "overlapping zip entries (possible zip bomb)" });
      continue;
    }
    if (Date.now() > deadline) {
      skipped.push({ path, reason: `archive time limit reached (${limitMs / 1000} s)` });
      continue;
    }
    const data = bytes.subarray(f.dataOffset, f.dataOffset + f.size);
    if (f.compression === 0) {
      files.set(zipEntryName(f.name), data.slice(0, f.originalSize));
      continue;
    }
    try {
      const { out, over } = inflateBounded(data, f.originalSize, deadline);
      files.set(zipEntryName(f.name), out);
      if (over) skipped.push({ path, reason: `partly read: inflates past its declared ${f.originalSize} bytes (possible zip bomb)` });
    } catch (e) {
      skipped.push({ path, reason: `corrupt archive entry: ${message(e)}` });
    }
  }
  return { files, skipped };
}

/**
 * Inflates `data` into at most `size` bytes, a slice at a time: stops as soon as the output
 * passes `size` (`over`: the entry inflates to more than it declares) or the deadline passes.
 */
function inflateBounded(data: Uint8Array, size: number, deadline: number): { out: Uint8Array; over: boolean } {
  const out = new Uint8Array(size);
  let length = 0;
  let over = false;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    const room = size - length;
    if (chunk.length > room) over = true;
    out.set(room >= chunk.length ? chunk : chunk.subarray(0, room), length);
    length += Math.min(room, chunk.length);
    if (final) ended = true;
  });
  for (let at = 0; at < data.length && !over && !ended; at += SLICE) {
    const end = Math.min(at + SLICE, data.length);
    inflate.push(data.subarray(at, end), end === data.length);
    if (Date.now() > deadline) throw new Error("archive time limit reached while inflating");
  }
  return { out: length === size ? out : out.subarray(0, length), over };
}
