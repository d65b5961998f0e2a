import Encoding from "encoding-japanese";
import type { DecodeOptions } from "../../src/decode/decode-file.js";

/** Encodes a JS string to bytes of a Japanese legacy encoding with encoding-japanese. */
export function encodeJapanese(text: string, to: "SJIS" | "EUCJP" | "JIS"): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: "UNICODE" }));
}

export function utf16(text: string, order: "le" | "be", bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (c: number): void => {
    if (order === "le") {
      out[o++] = c & 0xff;
      out[o++] = c >> 8;
    } else {
      out[o++] = c >> 8;
      out[o++] = c & 0xff;
    }
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < text.length; i++) put(text.charCodeAt(i));
  return out;
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

export const OPTIONS: DecodeOptions = {
  maxFileBytes: 50 * 1024 * 1024,
  archives: true,
  maxArchiveDepth: 3,
  maxArchiveBytes: 200 * 1024 * 1024,
  maxArchiveEntries: 10_000,
};

/** A random dummy token (never a real credential format): "tok_" + 32 hex chars. */
export function dummyToken(): string {
  let s = "tok_";
  for (let i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}

/** Position (1-based line, code-point column) of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error("needle not found");
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line, column: Array.from(text.slice(lineStart, at)).length + 1 };
}
