import type { Location, TextUnit } from "../engine/types.js";
import { createLineLocator } from "./create-line-locator.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { normalizeWithMap } from "./normalize-with-map.js";
import { walkJson } from "./walk-json.js";

type PathPart = string | number;

/** Which notebook strings are scanned: cell sources and text outputs. Returns a group id or undefined. */
function notebookGroup(path: readonly PathPart[]): string | undefined {
  const c = path.indexOf("cells");
  if (c < 0 || typeof path[c + 1] !== "number") return undefined;
  const cell = path[c + 1];
  const rest = path.slice(c + 2);
  if ((rest[0] === "source" || rest[0] === "input") && rest.length <= 2) return `${cell}:source`;
  if (rest[0] === "outputs" && typeof rest[1] === "number") {
    if (rest[2] === "text" && rest.length <= 4) return `${cell}:${rest[1]}:text`;
    if (rest[2] === "data" && (rest[3] === "text/plain" || rest[3] === "text/markdown") && rest.length <= 5) return `${cell}:${rest[1]}:${rest[3]}`;
  }
  return undefined;
}

/** Raw offset in `source` of the k-th decoded UTF-16 unit of the JSON string whose content starts at rawStart. */
function rawOffset(source: string, rawStart: number, k: number): number {
  let i = rawStart;
  for (let d = 0; d < k && i < source.length; d++) {
    if (source.charCodeAt(i) === 92) i += source.charCodeAt(i + 1) === 117 ? 6 : 2;
    else i++;
  }
  return i;
}

function decodeJsonString(raw: string): string {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === "string" ? v : raw.slice(1, -1);
  } catch {
    return raw.slice(1, -1);
  }
}

/**
 * A Jupyter notebook as one unit: the text is the cell sources and text outputs (text/plain,
 * text/markdown, stream text), one after the other; `locate` maps back to the line and column
 * of the character inside the .ipynb JSON file itself (escapes such as \n and \u3042 are
 * accounted for). Returns undefined when the JSON has no notebook cells.
 */
export function decodeNotebook(path: string, source: string): TextUnit | undefined {
  const stack: { kind: 0 | 1; key: PathPart }[] = [];
  const segText = new GrowableInt32();
  const segRaw = new GrowableInt32();
  const segLen = new GrowableInt32();
  const parts: string[] = [];
  let joinedLength = 0;
  let lastGroup: string | undefined;
  let lastEndsWithNewline = true;
  const pathNow = (): PathPart[] => stack.map((f) => f.key);
  const bump = (): void => {
    const top = stack[stack.length - 1];
    if (top && top.kind === 1) top.key = (top.key as number) + 1;
  };
  walkJson(source, {
    open(kind) {
      bump();
      stack.push({ kind: kind === "object" ? 0 : 1, key: kind === "object" ? "" : -1 });
    },
    close() {
      stack.pop();
    },
    key(start, end) {
      const top = stack[stack.length - 1];
      if (top) top.key = decodeJsonString(source.slice(start, end));
    },
    value(kind, start, end) {
      bump();
      if (kind !== "string") return;
      const group = notebookGroup(pathNow());
      if (group === undefined) return;
      if (group !== lastGroup && !lastEndsWithNewline) {
        parts.push("\n");
        joinedLength++;
      }
      const text = decodeJsonString(source.slice(start, end));
      segText.push(joinedLength);
      segRaw.push(start + 1);
      segLen.push(text.length);
      parts.push(text);
      joinedLength += text.length;
      lastGroup = group;
      lastEndsWithNewline = text.length === 0 ? lastEndsWithNewline : text.endsWith("\n");
    },
  });
  if (segText.length === 0) return undefined;
  const joined = parts.join("");
  const st = segText.toArray();
  const sr = segRaw.toArray();
  const sl = segLen.toArray();
  const norm = normalizeWithMap(joined);
  const lineCol = createLineLocator(source);
  return {
    path,
    text: norm.text,
    locate(offset: number): Location {
      const j = norm.toSource(offset);
      const s = Math.max(lastAtOrBefore(st, j), 0);
      const k = Math.min(j - st[s], sl[s]);
      return lineCol(rawOffset(source, sr[s], k));
    },
  };
}
