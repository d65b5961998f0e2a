import { Buffer, isAscii, isUtf8 } from "node:buffer";
import Encoding from "encoding-japanese";
import { guessUtf16 } from "./guess-utf16.js";
import { hasJapaneseCompatUtf8 } from "./has-japanese-compat-utf8.js";
import { isMostlyText } from "./is-mostly-text.js";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "shift_jis" | "euc-jp" | "iso-2022-jp";

export interface DecodedBytes {
  /** Decoded text without the byte-order mark. */
  text: string;
  encoding: TextEncodingName;
  /** True when some byte sequences were invalid and replaced by U+FFFD. */
  lossy: boolean;
  bom: boolean;
  /** True when every byte is ASCII, or the UTF-8 holds no Japanese-relevant compatibility character: the text needs no normalisation. */
  plain?: boolean;
  /** False when the text cannot hold characters beyond U+FFFF (ASCII, legacy Japanese encodings); undefined: unknown. */
  astral?: boolean;
  /**
   * A second reading of the same bytes, set when the encoding guess is doubtful (a UTF-16 byte
   * order mark or NUL pattern on bytes that also read as 8-bit text): both are scanned, so two
   * bytes prepended to a `.env` cannot hide its secrets.
   */
  alternative?: DecodedBytes;
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function decoder(label: string, fatal: boolean): InstanceType<typeof TextDecoder> {
  const key = `${label}:${fatal}`;
  let d = decoders.get(key);
  if (!d) {
    d = new TextDecoder(label, { fatal, ignoreBOM: true });
    decoders.set(key, d);
  }
  return d;
}

function decodeLossy(bytes: Uint8Array, label: string): { text: string; lossy: boolean } {
  const text = decoder(label, false).decode(bytes);
  return { text, lossy: text.includes("\ufffd") };
}

/** Share of UTF-16 code units that are plausible text (ASCII printable, whitespace, kana, CJK, full-width). */
function plausibleUtf16(text: string): boolean {
  const n = Math.min(text.length, 4096);
  if (n === 0) return false;
  let good = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) good++;
  }
  return good / n > 0.9;
}

/** Few control, replacement or unpaired surrogate characters in the decoded text (all of it). */
function mostlyText(text: string): boolean {
  const n = text.length;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else bad++;
    } else if ((c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd || (c >= 0xdc00 && c <= 0xdfff)) bad++;
  }
  return bad / Math.max(n, 1) < 0.05;
}

const FULL_KANA = /[\u3041-\u30ff]/;
const HALF_KANA = /[\uff61-\uff9f]/;

function hasIso2022Escape(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  for (let i = 0; i + 2 < n; i++) {
    if (bytes[i] === 0x1b && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28)) return true;
  }
  return false;
}

/**
 * Detects the encoding of text bytes and decodes them. Order: BOM (UTF-8, UTF-16 LE/BE), BOM-less
 * UTF-16 (NUL pattern), ISO-2022-JP (escape sequences in 7-bit text), valid UTF-8, then
 * encoding-japanese's detector for EUC-JP / Shift_JIS. Shift_JIS is decoded as the WHATWG
 * "shift_jis" (= Windows-31J / CP932, with the NEC and IBM extensions such as 髙 and 﨑).
 * Returns undefined for bytes that are not text in any of these encodings (binary); call
 * isProbablyBinary first for the cheap check.
 *
 * A UTF-16 guess (byte-order mark or NUL pattern in the first 4 KiB) is checked over the whole
 * file: when the UTF-16 reading is not text, the 8-bit reading is used; when both read as text
 * (e.g. `FF FE` prepended to a `.env`, or a UTF-16 first block before plain text), the 8-bit
 * reading comes as `alternative` and both are scanned.
 */
export function decodeTextBytes(bytes: Uint8Array, known: { ascii?: boolean; utf8?: boolean } = {}): DecodedBytes | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { ...decodeLossy(bytes.subarray(3), "utf-8"), encoding: "utf-8", bom: true };
  }
  if (b0 === 0xff && b1 === 0xfe) return utf16Reading(bytes.subarray(2), "utf-16le", true);
  if (b0 === 0xfe && b1 === 0xff) return utf16Reading(bytes.subarray(2), "utf-16be", true);
  const u16 = bytes.subarray(0, 4096).includes(0) ? guessUtf16(bytes) : undefined;
  // a NUL pattern alone is weak evidence: binary data can have one too
  if (u16) return utf16Reading(bytes, u16, false);
  return decodeEightBit(bytes, known);
}

/** The UTF-16 reading of `bytes` (after any BOM), validated over the whole file against the 8-bit reading. */
function utf16Reading(bytes: Uint8Array, label: "utf-16le" | "utf-16be", bom: boolean): DecodedBytes | undefined {
  const d: DecodedBytes = { ...decodeLossy(bytes, label), encoding: label, bom };
  const eightBit = hasEightBitTextBlock(bytes) ? (decodeEightBit(bytes, {}) ?? { ...decodeLossy(bytes, "utf-8"), encoding: "utf-8", bom: false }) : undefined;
  if (eightBit) return { ...d, alternative: eightBit }; // doubtful: scan both readings
  return mostlyText(d.text) || bom ? d : undefined;
}

const BLOCK = 4096;

/**
 * Whether some 4 KiB block of a supposed UTF-16 file is 8-bit text: no NUL and mostly text
 * bytes. UTF-16 text has NULs throughout when it holds ASCII and bytes over 0x7F when it holds
 * Japanese, so such a block means part of the file is not UTF-16.
 */
function hasEightBitTextBlock(bytes: Uint8Array): boolean {
  for (let start = 0; start < bytes.length; start += BLOCK) {
    const block = bytes.subarray(start, start + BLOCK);
    if (block.length >= 64 && !block.includes(0) && isMostlyText(block, 0.95)) return true;
  }
  return false;
}

/** Decodes bytes that are not UTF-16: ASCII, ISO-2022-JP, UTF-8, EUC-JP, Shift_JIS. */
function decodeEightBit(bytes: Uint8Array, known: { ascii?: boolean; utf8?: boolean }): DecodedBytes | undefined {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (known.ascii ?? isAscii(bytes)) {
    if (bytes.includes(0x1b) && hasIso2022Escape(bytes)) return { ...decodeLossy(bytes, "iso-2022-jp"), encoding: "iso-2022-jp", bom: false };
    return { text: view.toString("latin1"), encoding: "utf-8", lossy: false, bom: false, plain: true, astral: false };
  }
  // native checks (simdutf): valid UTF-8 is decoded without a try/catch round
  if (known.utf8 ?? isUtf8(bytes)) return { text: view.toString("utf8"), encoding: "utf-8", lossy: false, bom: false, plain: !hasJapaneseCompatUtf8(bytes) };
  // EUC-JP validity fails at the first Shift_JIS lead byte (0x81–0x9F) of ordinary Shift_JIS
  // text; then one native Shift_JIS decode without a replacement character settles it, with
  // encoding-japanese's byte-structure check as the fallback for unmapped codes.
  let detected = Encoding.detect(bytes, "EUCJP");
  let sjisText: string | undefined;
  if (!detected) {
    const t = decoder("shift_jis", false).decode(bytes);
    if (!t.includes("\ufffd")) {
      sjisText = t;
      detected = "SJIS";
    } else detected = Encoding.detect(bytes, "SJIS");
  }
  if (detected === "EUCJP") {
    const euc = decodeLossy(bytes, "euc-jp");
    // Bytes valid in both: EUC-JP text nearly always has kana; Shift_JIS read as EUC-JP has none
    // when it is all kanji (e.g. 髙 and 﨑 from the IBM extensions). Prefer Shift_JIS when its own
    // reading has no half-width kana (which EUC-JP bytes turn into under Shift_JIS).
    if (!FULL_KANA.test(euc.text) && Encoding.detect(bytes, "SJIS") === "SJIS") {
      const sjis = decodeLossy(bytes, "shift_jis");
      if (!sjis.lossy && !HALF_KANA.test(sjis.text)) return { ...sjis, encoding: "shift_jis", bom: false, astral: false };
    }
    return { ...euc, encoding: "euc-jp", bom: false, astral: false };
  }
  if (detected === "SJIS") {
    if (sjisText !== undefined) return { text: sjisText, encoding: "shift_jis", lossy: false, bom: false, astral: false };
    return { ...decodeLossy(bytes, "shift_jis"), encoding: "shift_jis", bom: false, astral: false };
  }
  // BOM-less UTF-16 without ASCII (e.g. all-Japanese text) has no NUL pattern: check plausibility.
  if (bytes.length % 2 === 0) {
    for (const label of ["utf-16le", "utf-16be"] as const) {
      const d = decodeLossy(bytes, label);
      if (!d.lossy && plausibleUtf16(d.text)) return { ...d, encoding: label, bom: false };
    }
  }
  // Mostly UTF-8 with a few invalid sequences: decode with replacement characters, lose nothing else.
  const utf8 = decodeLossy(bytes, "utf-8");
  let bad = 0;
  for (let i = utf8.text.indexOf("\ufffd"); i >= 0; i = utf8.text.indexOf("\ufffd", i + 1)) bad++;
  if (bad / Math.max(utf8.text.length, 1) < 0.1) return { ...utf8, encoding: "utf-8", bom: false };
  // Shift_JIS with a few broken sequences decodes better as Shift_JIS than UTF-8.
  const sjis = decodeLossy(bytes, "shift_jis");
  let sjisBad = 0;
  for (let i = sjis.text.indexOf("\ufffd"); i >= 0; i = sjis.text.indexOf("\ufffd", i + 1)) sjisBad++;
  if (sjisBad / Math.max(sjis.text.length, 1) < 0.1) return { ...sjis, encoding: "shift_jis", bom: false };
  return undefined;
}
