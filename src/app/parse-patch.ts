export interface PatchHunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

/** A unified diff of one file (the `patch` GitHub gives per file) split into lines by number. */
export interface ParsedPatch {
  /** Lines the change added: new line number -> text. */
  added: Map<number, string>;
  /** Lines the change removed: old line number -> text. */
  removed: Map<number, string>;
  /** Unchanged lines shown around the change: new line number -> text. */
  context: Map<number, string>;
  /** Unchanged lines: old line number -> new line number. */
  moved: Map<number, number>;
  hunks: PatchHunk[];
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses a unified diff patch (no file headers, as in GitHub's `files[].patch`). */
export function parsePatch(patch: string): ParsedPatch {
  const out: ParsedPatch = { added: new Map(), removed: new Map(), context: new Map(), moved: new Map(), hunks: [] };
  let oldLine = 0;
  let newLine = 0;
  let newEnd = 0;
  for (const raw of patch.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const hunk = HUNK.exec(line);
    if (hunk) {
      const h = { oldStart: +hunk[1], oldLines: hunk[2] === undefined ? 1 : +hunk[2], newStart: +hunk[3], newLines: hunk[4] === undefined ? 1 : +hunk[4] };
      out.hunks.push(h);
      oldLine = h.oldStart;
      newLine = h.newStart;
      newEnd = h.newStart + h.newLines;
      continue;
    }
    if (out.hunks.length === 0) continue;
    const mark = line[0];
    const text = line.slice(1);
    if (mark === "+") out.added.set(newLine++, text);
    else if (mark === "-") out.removed.set(oldLine++, text);
    else if (mark === " " || (line === "" && newLine < newEnd)) {
      out.context.set(newLine, text);
      out.moved.set(oldLine++, newLine++);
    }
    // "\ No newline at end of file" and anything else: not a line of the file.
  }
  return out;
}

/** Where an old line ends up after the change: its new number, or null when the change removed it. */
export function mapOldLine(patch: ParsedPatch, line: number): number | null {
  if (patch.removed.has(line)) return null;
  const inside = patch.moved.get(line);
  if (inside !== undefined) return inside;
  let shift = 0;
  for (const h of patch.hunks) {
    // A pure insertion ("-5,0") goes after old line 5; otherwise the hunk covers oldStart..oldStart+oldLines-1.
    const end = h.oldLines === 0 ? h.oldStart + 1 : h.oldStart + h.oldLines;
    if (end <= line) shift += h.newLines - h.oldLines;
  }
  return line + shift;
}
