import { execFileSync } from "node:child_process";
import type { ScanInput } from "../scan/scan-files.js";

/** Files whose whole content is scanned when a commit touches them: one row is one person. */
const DATA_FILE = /\.(csv|tsv|tab|xlsx|xlsm|xls|json|ndjson|jsonl|sql|ipynb|zip|jar|gz|tgz|tar|docx|pptx)$/i;

/**
 * What each commit in `since..HEAD` added: for every commit, every file it changed, the file's
 * content at that commit with the added lines (data files: the whole file). A value added by
 * one commit and deleted by a later one is still found.
 */
export function* readGitRange(root: string, since: string): Generator<ScanInput> {
  const git = (args: string[]) => execFileSync("git", ["-C", root, ...args], { maxBuffer: 1024 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  const commits = git(["rev-list", "--reverse", "--no-merges", `${since}..HEAD`]).toString().split("\n").filter(Boolean);
  for (const sha of commits) {
    const diff = git(["show", "--format=", "--unified=0", "--no-color", "--no-renames", "--no-ext-diff", "--diff-filter=AMT", sha]).toString("utf8");
    for (const [path, lines] of addedLines(diff)) {
      const whole = lines === null || DATA_FILE.test(path);
      if (!whole && lines.size === 0) continue; // the commit only deleted lines here
      let bytes: Buffer;
      try {
        bytes = git(["cat-file", "blob", `${sha}:${path}`]);
      } catch {
        continue; // a submodule or a symlink: nothing to read
      }
      yield { path, bytes, commit: sha, ...(whole ? {} : { onlyLines: lines }) };
    }
  }
}

/** Parses `git show --unified=0` output into path -> added line numbers (in the new file); null: a binary file, scanned whole. */
export function addedLines(diff: string): Map<string, Set<number> | null> {
  const files = new Map<string, Set<number> | null>();
  let current: Set<number> | undefined;
  let next = 0;
  let remaining = 0;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const target = line.slice(4);
      if (target === "/dev/null") current = undefined;
      else {
        const path = unquote(target).replace(/^b\//, "");
        current = new Set();
        files.set(path, current);
      }
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      remaining = hunk[2] === undefined ? 1 : Number(hunk[2]);
      continue;
    }
    if (current && remaining > 0 && line.startsWith("+")) {
      current.add(next++);
      remaining--;
    }
  }
  // Binary files have no hunks: the decode stage reads them whole (xlsx, zip) or lists them as skipped.
  for (const m of diff.matchAll(/^Binary files (?:\S+|\/dev\/null) and b\/(.+) differ$/gm)) files.set(m[1], null);
  return files;
}

function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  // git quotes paths with special characters in C style, octal escapes for UTF-8 bytes.
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const n = body[++i];
    if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, r: 13, '"': 34, "\\": 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}
