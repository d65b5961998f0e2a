import { lastAtOrBefore } from "./last-at-or-before.js";

/** Text with `\uXXXX` escapes of non-ASCII characters decoded, and a map back to the source. */
export interface UnescapedText {
  text: string;
  /** Maps a UTF-16 offset in `text` to the source offset (a decoded character maps to its backslash). */
  toSource(offset: number): number;
  changed: boolean;
}

const ESCAPE = /\\u([0-9a-fA-F]{4})/g;

/**
 * Decodes `\uXXXX` escapes of non-ASCII characters (Python's `json.dumps` default
 * `ensure_ascii`, Java's native2ascii .properties): a customer list exported that way is all
 * escapes, which no pattern for names or addresses would match. ASCII escapes (`\u0022`) are
 * kept, so the text's structure does not change; an escaped backslash (`\\u3042`) is not an
 * escape. Every decoded escape is one anchor pair (6 source units → 1).
 */
export function unescapeUnicodeWithMap(source: string): UnescapedText {
  const len = source.length;
  const identity: UnescapedText = { text: source, changed: false, toSource: (o) => (o < 0 ? 0 : o > len ? len : o) };
  if (!source.includes("\\u")) return identity;
  const parts: string[] = [];
  const textAt: number[] = [];
  const sourceAt: number[] = [];
  let copied = 0;
  let n = 0;
  ESCAPE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ESCAPE.exec(source)) !== null) {
    const code = parseInt(m[1], 16);
    if (code < 0x80) continue;
    let backslashes = 0;
    for (let i = m.index - 1; i >= 0 && source.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 1) continue; // "\\u3042": an escaped backslash, then "u3042"
    parts.push(source.slice(copied, m.index));
    n += m.index - copied;
    textAt.push(n);
    sourceAt.push(m.index);
    parts.push(String.fromCharCode(code));
    n += 1;
    copied = m.index + 6;
    textAt.push(n);
    sourceAt.push(copied);
  }
  if (textAt.length === 0) return identity;
  parts.push(source.slice(copied));
  const text = parts.join("");
  const ta = Int32Array.from(textAt);
  const sa = Int32Array.from(sourceAt);
  const textLen = text.length;
  return {
    text,
    changed: true,
    toSource(offset: number): number {
      const o = offset < 0 ? 0 : offset > textLen ? textLen : offset;
      const i = lastAtOrBefore(ta, o);
      if (i < 0) return o;
      // even anchors start a decoded character (one unit for six), odd anchors start plain text
      return i % 2 === 0 && o === ta[i] ? sa[i] : sa[i] + (o - ta[i]);
    },
  };
}
