import type { ScanInput, Skipped } from "../scan/scan-files.js";
import { parseUnifiedDiff } from "./parse-unified-diff.js";

/** Standard input that is a unified diff (`git diff`, `git show`, `git format-patch`, `diff -u`). */
export function looksLikeDiff(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString("utf8");
  return /^(?:diff --git |--- )/m.test(head) && /^\+\+\+ /m.test(head) && /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/m.test(head);
}

/**
 * A diff read as what it adds: one input per file, at its real path, whose text has the lines
 * the patch shows at their real line numbers (the rest blank) and whose findings are limited
 * to the added lines. Removed lines are not scanned. A binary file's content is not in a patch:
 * it is listed as skipped.
 */
export function readDiffInput(bytes: Uint8Array, skipped: Skipped[]): ScanInput[] {
  const out: ScanInput[] = [];
  for (const file of parseUnifiedDiff(Buffer.from(bytes).toString("utf8"))) {
    if (file.deleted) continue;
    if (file.binary) {
      skipped.push({ path: file.path, reason: "binary file in the diff: the patch does not hold its content (scan the folder, or use --since/--staged)" });
      continue;
    }
    if (file.added.size === 0) continue;
    const last = Math.max(...file.lines.keys());
    const lines = Array.from({ length: last }, (_, i) => file.lines.get(i + 1) ?? "");
    out.push({ path: file.path, bytes: Buffer.from(lines.join("\n") + "\n", "utf8"), onlyLines: file.added });
  }
  return out;
}
