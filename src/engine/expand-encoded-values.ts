import { computeLineStarts, locateIn } from "./locate-in-unit.js";
import type { TextUnit } from "./types.js";

/** Largest unit looked at, and the most encoded values decoded in one unit (hostile input). */
const MAX_TEXT = 4 * 1024 * 1024;
const MAX_VALUES = 256;
const B64 = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{4}){6,16384}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/=_-])/g;
/** Shortest text B64 matches (six groups of four). */
const MIN_B64 = 24;
/** 1 for the ASCII characters of [A-Za-z0-9+/=_-]: base64, its padding, and the URL-safe characters the pattern's borders reject. */
const RUN_CHAR = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9+/=_-]/.test(String.fromCharCode(c)) ? 1 : 0));
/** What a decoded base64 value must hold to be worth scanning: a credential's shape or name. */
const HINT = /eyJ[A-Za-z0-9_-]{8,}\.|-----BEGIN|\b(?:gh[pousr]_|github_pat_|glpat-|xox[abeprs]-|sk-|sk_live_|rk_live_|AKIA|ASIA|AIza|npm_|hf_|SG\.)|:\/\/[^\s:@/]{1,64}:[^\s@/]{3,}@|pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential/i;
const PERCENT = /%[0-9A-Fa-f]{2}/;
const JSON_ESCAPE = /\\["/\\]|\\u00[0-7][0-9A-Fa-f]/;
/** Either escape, to find the lines that hold one. */
const ESCAPE = /%[0-9A-Fa-f]{2}|\\["/\\]|\\u00[0-7][0-9A-Fa-f]/g;
/** Lines of a unit looked at for escapes (hostile input). */
const MAX_LINES = 100_000;

/**
 * Credentials written in an encoding the rules cannot read: base64-wrapped (a JWT, a key or a
 * `KEY=…` block inside base64), URL-encoded (`token%3Dabc…`, `p%40ss`) or JSON-escaped
 * (`{\"api_key\": \"…\"}` inside a string). Returns extra text units holding the decoded text,
 * whose offsets locate to the encoded text, so findings are reported on the encoded line. Only
 * base64 values that decode to printable text with a credential's shape or name are kept.
 * Pure: no I/O; the caller scans the units with the same rules (credential rules only).
 */
export function expandEncodedValues(unit: TextUnit): TextUnit[] {
  const { text } = unit;
  if (text.length === 0 || text.length > MAX_TEXT) return [];
  const out: TextUnit[] = [];
  let lineStarts: number[] | undefined;
  const where = (offset: number) => locateIn(unit, (lineStarts ??= computeLineStarts(text)), offset);

  // Base64 values anywhere (the Kubernetes case is handled by expandBase64Secrets).
  // A value lies inside a run of [A-Za-z0-9+/=_-] (whatever borders the run passes the pattern's
  // look-behind and look-ahead), so the pattern runs only on runs long enough to hold one.
  let count = 0;
  for (let i = 0, n = text.length; i < n && count < MAX_VALUES; ) {
    let c = text.charCodeAt(i);
    if (c >= 128 || RUN_CHAR[c] === 0) {
      i++;
      continue;
    }
    const from = i;
    while (++i < n && (c = text.charCodeAt(i)) < 128 && RUN_CHAR[c] === 1);
    if (i - from < MIN_B64) continue;
    const run = from === 0 && i === n ? text : text.slice(from, i);
    B64.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = B64.exec(run)) !== null && count < MAX_VALUES) {
      const decoded = decodePrintable(m[0]);
      if (decoded === undefined || !HINT.test(decoded)) continue;
      count++;
      const at = where(from + m.index);
      out.push({ path: unit.path, text: decoded, locate: () => ({ ...at }), ...(unit.onlyLines ? { onlyLines: unit.onlyLines } : {}) });
    }
  }

  // URL-encoded and JSON-escaped lines: decoded with an offset map back to the line. Only a line
  // holding an escape can decode to something else: the others are not looked at.
  ESCAPE.lastIndex = 0;
  let line = 0; // 0-based line of `lineFrom`
  let lineFrom = 0;
  let m: RegExpExecArray | null;
  while ((m = ESCAPE.exec(text)) !== null) {
    for (let nl = text.indexOf("\n", lineFrom); nl !== -1 && nl < m.index; nl = text.indexOf("\n", lineFrom)) {
      line++;
      lineFrom = nl + 1;
    }
    if (line >= MAX_LINES) break;
    const start = lineFrom;
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const lineText = text.slice(start, end);
    for (const decode of [percentDecode, jsonUnescape]) {
      const d = decode(lineText);
      if (d === undefined) continue;
      out.push({
        path: unit.path,
        text: d.text,
        locate: (offset: number) => where(start + d.map[Math.min(offset, d.map.length - 1)]),
        ...(unit.onlyLines ? { onlyLines: unit.onlyLines } : {}),
      });
      if (out.length >= 4 * MAX_VALUES) return out;
    }
    ESCAPE.lastIndex = end + 1;
  }
  return out;
}

interface Decoded {
  text: string;
  /** For each offset of `text` (and one past its end), the offset in the encoded line. */
  map: Int32Array;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/**
 * A line of printable ASCII with `%XX` escapes, decoded (undefined when it has none, or holds a
 * non-ASCII character, or decodes to a control character). One pass, no per-character string.
 */
function percentDecode(line: string): Decoded | undefined {
  if (!PERCENT.test(line)) return undefined;
  const n = line.length;
  const bytes = Buffer.allocUnsafe(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    let b = c;
    const at = i;
    if (c === 0x25) {
      const hi = hexDigit(line.charCodeAt(i + 1));
      const lo = hi < 0 ? -1 : hexDigit(line.charCodeAt(i + 2));
      if (lo >= 0) {
        b = hi * 16 + lo;
        i += 2;
      }
    } else if (c >= 0x80) return undefined; // non-ASCII around percent escapes: not a URL-encoded value
    if (b < 0x20 || b >= 0x7f) return undefined;
    bytes[k] = b;
    map[k++] = at;
  }
  map[k] = n;
  const text = bytes.toString("latin1", 0, k);
  return text === line ? undefined : { text, map: map.subarray(0, k + 1) };
}

/** A line with JSON escapes (`\"`, `\/`, `\\`, `\u00XX` below 0x80) decoded, with its offset map. */
function jsonUnescape(line: string): Decoded | undefined {
  if (!JSON_ESCAPE.test(line)) return undefined;
  const n = line.length;
  const map = new Int32Array(n + 1);
  const parts: string[] = [];
  let k = 0; // length of the text so far
  let copied = 0; // line offset up to which the line was copied
  for (let i = line.indexOf("\\"); i >= 0 && i + 1 < n; i = line.indexOf("\\", i)) {
    const next = line.charCodeAt(i + 1);
    let ch: string | undefined;
    let width = 0;
    if (next === 0x22 || next === 0x2f || next === 0x5c) {
      ch = line[i + 1];
      width = 2;
    } else if (next === 0x75 && line.charCodeAt(i + 2) === 0x30 && line.charCodeAt(i + 3) === 0x30) {
      const hi = line.charCodeAt(i + 4) - 0x30;
      const lo = hexDigit(line.charCodeAt(i + 5));
      if (hi >= 0 && hi <= 7 && lo >= 0) {
        ch = String.fromCharCode(hi * 16 + lo);
        width = 6;
      }
    }
    if (ch === undefined) {
      i++;
      continue;
    }
    for (let j = copied; j < i; j++) map[k++] = j;
    parts.push(line.slice(copied, i), ch);
    map[k++] = i;
    copied = i + width;
    i = copied;
  }
  if (copied === 0) return undefined;
  for (let j = copied; j < n; j++) map[k++] = j;
  parts.push(line.slice(copied));
  map[k] = n;
  const text = parts.join("");
  return text === line ? undefined : { text, map: map.subarray(0, k + 1) };
}

function decodePrintable(value: string): string | undefined {
  const bytes = Buffer.from(value, "base64");
  if (bytes.length < 12) return undefined;
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) return undefined;
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return undefined;
  return text;
}

