import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ScanInput, Skipped } from "../scan/scan-files.js";

/** Reads the files one by one as the scan asks for them; an unreadable file is listed, never dropped silently. */
export function* readFiles(root: string, paths: string[], unreadable: Skipped[]): Generator<ScanInput> {
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, path));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A tracked file deleted in the work tree has nothing to scan; anything else is reported.
      if (code !== "ENOENT") unreadable.push({ path, reason: `unreadable (${code ?? (err as Error).message})` });
      continue;
    }
    yield { path, bytes };
  }
}
