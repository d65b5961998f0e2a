import { computeLineStarts, locateIn } from "./locate-in-unit.js";
import type { TextUnit } from "./types.js";

/** Largest unit looked at, and the most encoded values decoded in one unit (hostile input). */
const MAX_TEXT = 4 * 1024 * 1024;
const MAX_VALUES = 256;
const B64 = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{4}){6,16384}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/=_-])/g;
/** What a decoded base64 value must hold to be worth scanning: a credential's shape or name. */
const HINT = /eyJ[A-Za-z0-9_-]{8,}\.|-----BEGIN|\b(?:gh[pousr]_|github_pat_|glpat-|xox[abeprs]-|sk-|sk_live_|rk_live_|AKIA|ASIA|AIza|npm_|hf_|SG\.)|:\/\/[^\s:@/]{1,64}:[^\s@/]{3,}@|pass(?:word|wd)?|secret|token|api[_-]?key|private[_-]?key|credential/i;
const PERCENT = /%[0-9A-Fa-f]{2}/;
const JSON_ESCAPE = /\\["/\\]|\\u00[0-7][0-9A-Fa-f]/;

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
  B64.lastIndex = 0;
  let m: RegExpExecArray | null;
  let count = 0;
  while ((m = B64.exec(text)) !== null && count < MAX_VALUES) {
    const decoded = decodePrintable(m[0]);
    if (decoded === undefined || !HINT.test(decoded)) continue;
    count++;
    const at = where(m.index);
    out.push({ path: unit.path, text: decoded, locate: () => ({ ...at }), ...(unit.onlyLines ? { onlyLines: unit.onlyLines } : {}) });
  }

  // URL-encoded and JSON-escaped lines: decoded with an offset map back to the line.
  if (PERCENT.test(text) || JSON_ESCAPE.test(text)) {
    let start = 0;
    let lines = 0;
    while (start <= text.length && lines < 100_000) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      for (const decode of [percentDecode, jsonUnescape]) {
        const d = decode(line);
        if (d === undefined) continue;
        const base = start;
        out.push({
          path: unit.path,
          text: d.text,
          locate: (offset: number) => where(base + d.map[Math.min(offset, d.map.length - 1)]),
          ...(unit.onlyLines ? { onlyLines: unit.onlyLines } : {}),
        });
        if (out.length >= 4 * MAX_VALUES) return out;
      }
      start = end + 1;
      lines++;
    }
  }
  return out;
}

interface Decoded {
  text: string;
  /** For each offset of `text` (and one past its end), the offset in the encoded line. */
  map: number[];
}

function percentDecode(line: string): Decoded | undefined {
  if (!PERCENT.test(line)) return undefined;
  const bytes: number[] = [];
  const origin: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(line.slice(i + 1, i + 3))) {
      bytes.push(parseInt(line.slice(i + 1, i + 3), 16));
      origin.push(i);
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
      origin.push(i);
    } else return undefined; // non-ASCII around percent escapes: not a URL-encoded value
  }
  if (bytes.some((b) => b < 0x20 || b >= 0x7f)) return undefined;
  const text = String.fromCharCode(...bytes);
  return text === line ? undefined : { text, map: [...origin, line.length] };
}

function jsonUnescape(line: string): Decoded | undefined {
  if (!JSON_ESCAPE.test(line)) return undefined;
  let text = "";
  const map: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && i + 1 < line.length) {
      const next = line[i + 1];
      if (next === '"' || next === "/" || next === "\\") {
        text += next;
        map.push(i);
        i++;
        continue;
      }
      const u = /^u00([0-7][0-9A-Fa-f])/.exec(line.slice(i + 1, i + 6));
      if (u) {
        text += String.fromCharCode(parseInt(u[1], 16));
        map.push(i);
        i += 5;
        continue;
      }
    }
    text += ch;
    map.push(i);
  }
  map.push(line.length);
  return text === line ? undefined : { text, map };
}

function decodePrintable(value: string): string | undefined {
  const bytes = Buffer.from(value, "base64");
  if (bytes.length < 12) return undefined;
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) return undefined;
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(text)) return undefined;
  return text;
}

