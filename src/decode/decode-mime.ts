import { Buffer } from "node:buffer";
import type { Location, TextUnit } from "../engine/types.js";
import { createLineLocator } from "./create-line-locator.js";
import { GrowableInt32 } from "./growable-int32.js";
import { lastAtOrBefore } from "./last-at-or-before.js";
import { normalizeWithMap } from "./normalize-with-map.js";

/** A MIME attachment handed back to the caller, decoded like a file inside an archive. */
export interface MimeAttachment {
  name: string;
  bytes: Uint8Array;
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
/** A header field: name, then its value with continuation lines. */
const FIELD = /^([!-9;-~]+)[ \t]*:((?:[^\n]*)(?:\n[ \t][^\n]*)*)/gm;
const MAX_DEPTH = 20;

function charsetDecoder(charset: string | undefined): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(charset && charset.length > 0 ? charset.trim() : "utf-8");
  } catch {
    return new TextDecoder("utf-8");
  }
}

function qpBytes(s: string, header: boolean): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "=" && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === "_" && header) out.push(0x20);
    else out.push(s.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

/** Header fields of an entity: lower-case name → unfolded value. */
function parseHeaders(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const field of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const i = field.indexOf(":");
    if (i > 0) out.set(field.slice(0, i).trim().toLowerCase(), field.slice(i + 1).trim());
  }
  return out;
}

function param(value: string | undefined, name: string): string | undefined {
  if (!value) return undefined;
  const m = new RegExp(`(?:^|;)\\s*${name}\\*?=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(value);
  const v = m ? (m[1] ?? m[2]) : undefined;
  // RFC 2231: charset''percent-encoded
  if (v && /^[\w-]+''/.test(v)) {
    try {
      return decodeURIComponent(v.replace(/^[\w-]+''/, ""));
    } catch {
      return v;
    }
  }
  return v;
}

/**
 * Text hidden by MIME encodings in an e-mail (.eml): encoded words in headers
 * (`=?ISO-2022-JP?B?…?=`, often a sender's or recipient's name) and base64 / quoted-printable
 * text parts, decoded with their charset. The plain text of the message is scanned as usual by
 * the caller; this unit (same path) holds only what was encoded, and `locate` points at the line
 * of the .eml where the encoded data sits (for base64 bodies: the base64 line, found by
 * proportion, so ±1 line). Attachments with a file name are returned to be decoded as files.
 * Undefined when nothing is encoded.
 */
export function decodeMime(path: string, bytes: Uint8Array): { unit?: TextUnit; attachments: MimeAttachment[] } {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const parts: string[] = [];
  const segText = new GrowableInt32();
  const segRaw = new GrowableInt32();
  let length = 0;
  const attachments: MimeAttachment[] = [];
  const emit = (text: string, rawOffset: number): void => {
    if (text.length === 0) return;
    segText.push(length);
    segRaw.push(rawOffset);
    parts.push(text);
    length += text.length;
  };
  const newline = (): void => {
    if (length > 0 && !parts[parts.length - 1].endsWith("\n")) {
      parts.push("\n");
      length++;
    }
  };

  const entity = (start: number, end: number, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    const sep = /\r?\n\r?\n/g;
    sep.lastIndex = start;
    const m = sep.exec(raw);
    const headerEnd = m && m.index < end ? m.index : end;
    const bodyStart = m && m.index < end ? m.index + m[0].length : end;
    const headerBlock = raw.slice(start, headerEnd);
    // A header field with encoded words is emitted decoded up to its last word ("From: 山田 太郎"), so
    // rules see the field's name beside the name or address it holds; located at its first word.
    FIELD.lastIndex = 0;
    let h: RegExpExecArray | null;
    while ((h = FIELD.exec(headerBlock)) !== null) {
      const first = h[2].search(/=\?[^?\s]+\?[BbQq]\?/);
      if (first < 0) continue;
      // up to the last encoded word: what follows (an <address>) is plain text the raw unit already has
      const lastWord = [...h[2].matchAll(ENCODED_WORD)].pop();
      const encoded = lastWord ? h[2].slice(0, lastWord.index + lastWord[0].length) : h[2];
      const value = encoded
        .replace(/\r?\n[ \t]+/g, " ")
        .replace(/\?=\s+=\?/g, "?==?") // whitespace between adjacent encoded words is not text (RFC 2047)
        .replace(ENCODED_WORD, (_w, charset: string, enc: string, data: string) =>
          charsetDecoder(charset).decode(enc.toUpperCase() === "B" ? Buffer.from(data, "base64") : qpBytes(data, true)),
        );
      emit(`${h[1]}: ${value.trim()}`, start + h.index + h[0].length - h[2].length + first);
      newline();
    }
    const headers = parseHeaders(headerBlock);
    const type = (headers.get("content-type") ?? "text/plain").toLowerCase();
    const cte = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
    const boundary = param(headers.get("content-type"), "boundary");
    if (type.startsWith("multipart/") && boundary) {
      const marker = `--${boundary}`;
      let at = raw.indexOf(marker, bodyStart);
      while (at >= 0 && at < end) {
        const lineEnd = raw.indexOf("\n", at);
        if (lineEnd < 0 || raw.startsWith(`${marker}--`, at)) break;
        const next = raw.indexOf(`\n${marker}`, lineEnd);
        const partEnd = next < 0 || next > end ? end : next;
        entity(lineEnd + 1, partEnd, depth + 1);
        at = next < 0 ? -1 : next + 1;
      }
      return;
    }
    if (type.startsWith("message/rfc822")) {
      entity(bodyStart, end, depth + 1);
      return;
    }
    if (cte !== "base64" && cte !== "quoted-printable") return;
    const body = raw.slice(bodyStart, end);
    const lines = body.split("\n");
    const lineBytes: Uint8Array[] = lines.map((l, i) => {
      if (cte === "base64") return Buffer.from(l.trim(), "base64");
      const line = l.replace(/\r$/, "");
      // quoted-printable: "=" at the end is a soft line break; other line ends are newlines
      if (line.endsWith("=")) return qpBytes(line.slice(0, -1), false);
      return i < lines.length - 1 ? Buffer.concat([qpBytes(line, false), Buffer.from([0x0a])]) : qpBytes(line, false);
    });
    const total = lineBytes.reduce((a, b) => a + b.length, 0);
    const all = Buffer.concat(lineBytes);
    const filename = param(headers.get("content-disposition"), "filename") ?? param(headers.get("content-type"), "name");
    if (filename || !type.startsWith("text/")) {
      if (filename) attachments.push({ name: filename.replace(/[\\/]/g, "_"), bytes: all });
      return;
    }
    const text = charsetDecoder(param(headers.get("content-type"), "charset")).decode(all);
    // map characters to base64 / QP lines by proportion of decoded bytes
    let lineStart = bodyStart;
    let cum = 0;
    let prevChar = 0;
    for (let i = 0; i < lines.length; i++) {
      cum += lineBytes[i].length;
      const charEnd = i === lines.length - 1 ? text.length : Math.round((cum / Math.max(total, 1)) * text.length);
      emit(text.slice(prevChar, charEnd), lineStart);
      prevChar = Math.max(prevChar, charEnd);
      lineStart += lines[i].length + 1;
    }
    newline();
  };
  if (raw.startsWith("From ")) {
    // mbox: messages one after another, each after a "From sender date" line
    const lines = [...raw.matchAll(/^From [^\n]*\n/gm)];
    lines.forEach((m, i) => entity(m.index + m[0].length, i + 1 < lines.length ? lines[i + 1].index : raw.length, 0));
  } else entity(0, raw.length, 0);
  if (segText.length === 0) return { attachments };
  const joined = parts.join("");
  const st = segText.toArray();
  const sr = segRaw.toArray();
  const norm = normalizeWithMap(joined);
  const lineCol = createLineLocator(raw);
  return {
    attachments,
    unit: {
      path,
      text: norm.text,
      locate(offset: number): Location {
        const j = norm.toSource(offset);
        const s = Math.max(lastAtOrBefore(st, j), 0);
        return lineCol(sr[s]);
      },
    },
  };
}
