/** One file of a unified diff, in terms of the new file. */
export interface DiffFile {
  /** The new path, relative to the repository (the `b/` prefix removed, git's quoting undone). */
  path: string;
  /** git says "Binary files … differ": the patch has no lines. */
  binary: boolean;
  /** The file is deleted (`+++ /dev/null`). */
  deleted: boolean;
  /** 1-based line numbers, in the new file, of the added lines. */
  added: Set<number>;
  /** Text of the new file's lines that the patch shows (added and context lines). */
  lines: Map<number, string>;
}

/**
 * Parses a unified diff (`git diff`, `git show`, `git format-patch`, `diff -u`) into its files:
 * added lines with their numbers in the new file, the context around them, binary and deleted
 * files. Paths that git quotes (`"b/\351\241\247.csv"`) are unquoted.
 */
export function parseUnifiedDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  let current: DiffFile | undefined;
  let oldPath = "";
  let gitHeader = false;
  let newLine = 0;
  let newLeft = 0;
  let oldLeft = 0;
  const start = (path: string, deleted: boolean) => {
    current = { path, binary: false, deleted, added: new Set(), lines: new Map() };
    files.push(current);
  };
  for (const raw of text.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (newLeft > 0 || oldLeft > 0) {
      // Inside a hunk: "+" added, "-" removed, " " (or an empty line some tools leave) context.
      if (line.startsWith("\\")) continue; // "\ No newline at end of file"
      if (line.startsWith("+")) {
        current?.added.add(newLine);
        current?.lines.set(newLine++, line.slice(1));
        newLeft--;
        continue;
      }
      if (line.startsWith("-")) {
        oldLeft--;
        continue;
      }
      if (line.startsWith(" ") || line === "") {
        current?.lines.set(newLine++, line.slice(1));
        newLeft--;
        oldLeft--;
        continue;
      }
      newLeft = oldLeft = 0; // a malformed hunk: read the line as a header
    }
    if (line.startsWith("diff --git ")) {
      gitHeader = true;
      current = undefined;
      continue;
    }
    if (line.startsWith("--- ")) {
      oldPath = pathOf(line.slice(4));
      continue;
    }
    if (line.startsWith("+++ ")) {
      const target = pathOf(line.slice(4));
      if (target === "/dev/null") start(stripPrefix(oldPath, "a/", gitHeader || oldPath.startsWith("a/")), true);
      else start(stripPrefix(target, "b/", gitHeader || oldPath.startsWith("a/") || oldPath === "/dev/null"), false);
      continue;
    }
    const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
      newLine = Number(hunk[2]);
      newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
      continue;
    }
    const binary = /^Binary files (.+) and (.+) differ$/.exec(line);
    if (binary) {
      const target = pathOf(binary[2]);
      if (target === "/dev/null") start(stripPrefix(pathOf(binary[1]), "a/", true), true);
      else start(stripPrefix(target, "b/", true), false);
      current!.binary = true;
    }
  }
  return files;
}

/** A path as a diff header writes it: git's C-style quoting undone, a `diff -u` timestamp after a tab removed. */
function pathOf(field: string): string {
  if (field.startsWith('"')) return unquote(field);
  const tab = field.indexOf("\t");
  return tab >= 0 ? field.slice(0, tab) : field;
}

function stripPrefix(path: string, prefix: string, when: boolean): string {
  return when && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** Undoes git's quoting of a path: C escapes, octal bytes of UTF-8. */
function unquote(quoted: string): string {
  const end = quoted.lastIndexOf('"');
  const body = quoted.slice(1, end > 0 ? end : undefined);
  const bytes: number[] = [];
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
    } else bytes.push(({ a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '"': 34, "\\": 92 } as Record<string, number>)[n] ?? n.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}
