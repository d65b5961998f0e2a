import { parseTar } from "nanotar";
import type { Skipped } from "./decode-file.js";
import type { DecodeBudget } from "./decode-budget.js";

/**
 * Regular files of a tar archive (already in memory, so nothing is inflated), within the entry
 * count and byte budget shared with the other archives of the same scan. Symbolic and hard links
 * are listed as skipped ("symlink", "hardlink"), never followed.
 */
export function readTar(bytes: Uint8Array, prefix: string, limits: { maxEntryBytes: number; budget: DecodeBudget }): { files: Map<string, Uint8Array>; skipped: Skipped[] } {
  const items = parseTar(bytes);
  const files = new Map<string, Uint8Array>();
  const skipped: Skipped[] = [];
  let over = 0;
  for (const item of items) {
    if (!item.name || item.name.endsWith("/")) continue;
    const path = `${prefix}${item.name}`;
    // Links are never resolved (a link's target is outside the archive or another entry): listed.
    if (item.type === "symbolicLink" || item.type === "hardLink") {
      skipped.push({ path, reason: item.type === "symbolicLink" ? "symlink" : "hardlink" });
      continue;
    }
    if (item.type !== undefined && item.type !== "file" && item.type !== "contiguousFile") continue;
    const size = item.data?.length ?? item.size ?? 0;
    if (limits.budget.entriesLeft <= 0) {
      over++;
      if (over <= 100) skipped.push({ path, reason: "archive entry limit reached" });
      continue;
    }
    limits.budget.entriesLeft--;
    if (size > limits.maxEntryBytes) skipped.push({ path, reason: `too large (${size} bytes > ${limits.maxEntryBytes})` });
    else if (size > limits.budget.bytesLeft) skipped.push({ path, reason: `archive size limit reached (${size} bytes > ${Math.max(limits.budget.bytesLeft, 0)} left)` });
    else {
      limits.budget.bytesLeft -= size;
      files.set(item.name, item.data ?? new Uint8Array(0));
    }
  }
  if (over > 100) skipped.push({ path: `${prefix}…`, reason: `${over - 100} more entries not scanned: archive entry limit reached` });
  return { files, skipped };
}
