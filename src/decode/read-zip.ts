import { unzipSync, type UnzipFileInfo } from "fflate";
import type { Skipped } from "./decode-file.js";
import type { DecodeBudget } from "./decode-budget.js";
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
const MAX_ONE_BY_ONE = 500;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Reads the entries of a zip (or an OOXML package) within the limits: the entry count and the
 * total uncompressed bytes are drawn from the shared budget, and an entry is refused before it
 * is inflated when its declared size is over the limit or its compression ratio is suspicious
 * (zip bomb). fflate inflates into a buffer of the declared size, so a lying header cannot
 * make it grow. `want` picks the entries (default: every file). Throws on a corrupt archive;
 * a corrupt single entry is listed as skipped. Entry names are returned readable (zipEntryName).
 */
export function readZip(bytes: Uint8Array, prefix: string, limits: ZipLimits, want: (name: string) => boolean = () => true): ZipRead {
  const infos: UnzipFileInfo[] = [];
  unzipSync(bytes, {
    filter: (f) => {
      infos.push(f);
      return false;
    },
  });
  const skipped: Skipped[] = [];
  const allowed = new Set<string>();
  let overCount = 0;
  for (const f of infos) {
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
      allowed.add(f.name);
    }
  }
  if (overCount > MAX_LISTED) skipped.push({ path: `${prefix}…`, reason: `${overCount - MAX_LISTED} more entries not scanned: archive entry limit reached` });
  const files = new Map<string, Uint8Array>();
  if (allowed.size === 0) return { files, skipped };
  try {
    const all = unzipSync(bytes, { filter: (f) => allowed.has(f.name) });
    for (const [name, data] of Object.entries(all)) files.set(zipEntryName(name), data);
  } catch {
    // one bad entry: extract the others one by one and name the bad ones (each call re-reads the
    // central directory, so only the first MAX_ONE_BY_ONE entries are retried)
    let tried = 0;
    for (const name of allowed) {
      if (++tried > MAX_ONE_BY_ONE) {
        skipped.push({ path: `${prefix}${zipEntryName(name)}`, reason: "not read: the archive has corrupt entries" });
        continue;
      }
      try {
        const one = unzipSync(bytes, { filter: (f) => f.name === name });
        for (const [n, data] of Object.entries(one)) files.set(zipEntryName(n), data);
      } catch (e) {
        skipped.push({ path: `${prefix}${zipEntryName(name)}`, reason: `corrupt archive entry: ${message(e)}` });
      }
    }
  }
  return { files, skipped };
}
