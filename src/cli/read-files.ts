import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, realpathSync } from "node:fs";
import { STREAM_TABLE_FROM, streamableTableKind, TABLE_BATCH_BYTES } from "../decode/stream-table-units.js";
import { mayBeUtf16 } from "../scan/scan-files.js";
import { join, posix } from "node:path";
import type { ScanInput, Skipped } from "../scan/scan-files.js";

/** Open flags: never follow a symbolic link, never block on a FIFO (O_NOFOLLOW/O_NONBLOCK are 0 where unsupported). */
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads the files one by one as the scan asks for them; an unreadable file is listed, never
 * dropped silently. Symbolic links are never followed (a hostile tree could point at
 * /etc/passwd or /dev/zero): a link, or a file under a linked folder, is listed as skipped
 * "symlink"; devices, FIFOs and sockets as "not a regular file". The file is opened with
 * O_NOFOLLOW and checked with fstat, so a link swapped in after listing is not followed either.
 */
export function* readFiles(root: string, paths: string[], unreadable: Skipped[]): Generator<ScanInput> {
  const realRoot = safeRealpath(root);
  const folderInside = new Map<string, boolean>();
  // A folder on the path is a link when its real path is not where the listing says it is.
  const inside = (folder: string): boolean => {
    if (folder === ".") return true;
    let ok = folderInside.get(folder);
    if (ok === undefined) {
      ok = realRoot !== undefined && safeRealpath(join(root, folder)) === join(realRoot, folder);
      folderInside.set(folder, ok);
    }
    return ok;
  };
  for (const path of paths) {
    const full = join(root, path);
    let fd: number | undefined;
    let bytes: Buffer;
    try {
      if (!inside(posix.dirname(path))) {
        lstatSync(full); // a deleted file under a deleted folder: ENOENT, nothing to report
        unreadable.push({ path, reason: "symlink" });
        continue;
      }
      fd = openSync(full, FLAGS);
      const st = fstatSync(fd);
      if (!st.isFile()) {
        unreadable.push({ path, reason: st.isSymbolicLink() ? "symlink" : "not a regular file" });
        continue;
      }
      if (st.size >= STREAM_TABLE_FROM && streamableTableKind(path) !== undefined) {
        // A large CSV/TSV/NDJSON: read in chunks as it is scanned (scanFiles reads it in batches of rows).
        const head = Buffer.alloc(4096);
        const n = readSync(fd, head, 0, head.length, 0);
        if (!mayBeUtf16(head.subarray(0, n))) {
          yield { path, bytes: new Uint8Array(0), size: st.size, chunks: () => readChunks(full) };
          continue;
        }
      }
      bytes = readFileSync(fd);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ELOOP" || code === "EMLINK" || isLink(full)) unreadable.push({ path, reason: "symlink" });
      // A tracked file deleted in the work tree has nothing to scan; anything else is reported.
      else if (code !== "ENOENT") unreadable.push({ path, reason: `unreadable (${code ?? (err as Error).message})` });
      continue;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    yield { path, bytes };
  }
}

/** The bytes of a file in chunks of TABLE_BATCH_BYTES, opened as readFiles opens files (no link followed). */
function* readChunks(full: string): Generator<Uint8Array> {
  const fd = openSync(full, FLAGS);
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(TABLE_BATCH_BYTES);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) return;
      yield n < buf.length ? buf.subarray(0, n) : buf;
    }
  } finally {
    closeSync(fd);
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
