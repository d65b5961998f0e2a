import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from "node:fs";
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
