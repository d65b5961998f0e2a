import { lastAtOrBefore } from "./last-at-or-before.js";
import { percentDecode } from "./percent-decode.js";

/** Text with percent-encoded query parameters decoded, and a map back to the source. */
export interface PercentDecodedText {
  text: string;
  /** Maps a UTF-16 offset in `text` to the source offset (a decoded value maps to its first character). */
  toSource(offset: number): number;
  changed: boolean;
}

/** A parameter of a query string or a form body: after "?" or "&", or opening a quoted k=v&k=v string. */
const PARAM = /(?:(?<=[?&;])|(?<=["']|^)(?=[^\s"'=&]{1,60}=[^\s"'&]*&))([^\s"'=&?#;<>\\]{1,60})=([^\s"'&#;<>\\]*)/gm;

/**
 * Decodes the percent-encoded names and values of query-string and form parameters
 * (`?name=%E5%B1%B1…&tel=…`, UTF-8 or Shift_JIS) in access logs and HAR files, so a name or
 * an address sent in a URL can be matched. Each decoded parameter is one anchor: its characters
 * map to the start of the encoded value (or name) in the source; the rest maps one to one.
 */
export function percentDecodeWithMap(source: string): PercentDecodedText {
  const len = source.length;
  const identity: PercentDecodedText = { text: source, changed: false, toSource: (o) => (o < 0 ? 0 : o > len ? len : o) };
  if (!/%[0-9A-Fa-f]{2}/.test(source)) return identity;
  const parts: string[] = [];
  const textAt: number[] = [0];
  const sourceAt: number[] = [0];
  const exact: boolean[] = [true];
  let copied = 0;
  let n = 0;
  const replace = (from: number, to: number, decoded: string): void => {
    parts.push(source.slice(copied, from));
    n += from - copied;
    textAt.push(n);
    sourceAt.push(from);
    exact.push(false);
    parts.push(decoded);
    n += decoded.length;
    textAt.push(n);
    sourceAt.push(to);
    exact.push(true);
    copied = to;
  };
  PARAM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARAM.exec(source)) !== null) {
    const [, key, value] = m;
    const keyAt = m.index;
    const valueAt = m.index + key.length + 1;
    if (/%[0-9A-Fa-f]{2}/.test(key)) {
      const k = percentDecode(key);
      if (k !== undefined && !/[\n"'&=]/.test(k)) replace(keyAt, keyAt + key.length, k);
    }
    if (/%[0-9A-Fa-f]{2}/.test(value)) {
      const v = percentDecode(value);
      // a decoded value must not break the line or the string it sits in
      if (v !== undefined && !/[\n\r"'\\]/.test(v)) replace(valueAt, valueAt + value.length, v);
    }
  }
  if (parts.length === 0) return identity;
  parts.push(source.slice(copied));
  const text = parts.join("");
  const ta = Int32Array.from(textAt);
  const sa = Int32Array.from(sourceAt);
  return {
    text,
    changed: true,
    toSource(offset: number): number {
      const i = lastAtOrBefore(ta, offset);
      if (i < 0) return 0;
      return Math.min(len, exact[i] ? sa[i] + (offset - ta[i]) : sa[i]);
    },
  };
}
