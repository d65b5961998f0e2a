import { lastAtOrBefore } from "./last-at-or-before.js";

/** Text after NFKC normalisation, with a map from its UTF-16 offsets back to the source string's. */
export interface NormalizedText {
  text: string;
  /** Maps a UTF-16 offset in `text` to the offset in the source string (start of the character it came from). */
  toSource(offset: number): number;
  /** False when `text === source` and the map is the identity. */
  changed: boolean;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
/**
 * A normalisation group: one code point and the marks that may compose with it under NFKC
 * (combining marks, half-width voiced sound marks ﾞﾟ, Hangul medial/final jamo).
 */
const GROUP = /[\s\S][\p{M}\uFF9E\uFF9F\u1160-\u11FF]*/gu;
/**
 * The compatibility characters that matter for Japanese text: enclosed alphanumerics (①),
 * Kangxi radicals, the ideographic space, enclosed CJK and CJK compatibility (㍻ ㈱), CJK
 * compatibility ideographs, vertical and small forms, half-width and full-width forms (０ Ａ ｶ),
 * and the compatibility ideograph supplement (high surrogate D87E). Text without any of them
 * is not normalised at all: other compatibility characters alone (NBSP, ligatures, superscripts,
 * common in source code) do not make a secret or a personal value unmatchable, and skipping
 * them keeps plain source at full speed.
 */
const JAPANESE_COMPAT = /[\u2460-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef\ud87e]/;

/** Characters whose normalisation can make a run shorter: marks (composition), ﾞﾟ, surrogate pairs. */
const MAY_SHRINK = /[\p{M}\uFF9E\uFF9F\u{10000}-\u{10FFFF}]/u;

function identity(source: string): NormalizedText {
  const len = source.length;
  return { text: source, changed: false, toSource: (o) => (o < 0 ? 0 : o > len ? len : o) };
}

/**
 * NFKC-normalises `source` (full-width digits and letters become ASCII, half-width kana become
 * standard kana, ㍻ becomes 平成) and keeps a map back to source offsets. Returned unchanged,
 * without a map: pure ASCII (`plain` true when the caller knows from the bytes that nothing
 * needs normalising) and text without any Japanese-relevant compatibility character (see
 * JAPANESE_COMPAT). Otherwise only the runs of non-ASCII characters around such characters are
 * normalised: a run that keeps its length and cannot shrink maps one to one; any other run is
 * normalised group by group, with an anchor pair (two Int32Arrays) only where a group changes
 * length. An offset inside such a group maps to the group's start.
 */
export function normalizeWithMap(source: string, plain?: boolean): NormalizedText {
  if (plain === true || (plain === undefined && ASCII_ONLY.test(source))) return identity(source);
  if (!JAPANESE_COMPAT.test(source)) return identity(source);

  const parts: string[] = [];
  let normN: number[] = [];
  let srcN: number[] = [];
  let n = 0; // length of the normalised text emitted so far
  let copied = 0; // source offset up to which the source has been emitted
  const pushAnchor = (at: number, src: number): void => {
    const last = normN.length - 1;
    if (last >= 0 && normN[last] === at) {
      srcN[last] = src;
      return;
    }
    normN.push(at);
    srcN.push(src);
  };
  /** Emits the source up to `to` unchanged. */
  const copyTo = (to: number): void => {
    if (to > copied) {
      parts.push(source.slice(copied, to));
      n += to - copied;
      copied = to;
    }
  };
  /** Normalises source[from, to) group by group (only called on a run that changes). */
  const normaliseRun = (from: number, to: number): void => {
    copyTo(from);
    const run = source.slice(from, to);
    const whole = run.normalize("NFKC");
    if (whole.length === run.length && !MAY_SHRINK.test(run)) {
      // nothing in the run can shrink (no marks to compose, no surrogate pairs), so nothing grew
      // either: every character kept its length and positions map one to one
      parts.push(whole);
      n += whole.length;
      copied = to;
      return;
    }
    GROUP.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = GROUP.exec(run)) !== null) {
      const g = m[0];
      const ng = g.normalize("NFKC");
      if (ng.length !== g.length) {
        pushAnchor(n, from + m.index);
        pushAnchor(n + ng.length, from + m.index + g.length);
      }
      parts.push(ng);
      n += ng.length;
    }
    copied = to;
  };
  const len = source.length;
  const find = new RegExp(JAPANESE_COMPAT.source, "g");
  let m: RegExpExecArray | null;
  while ((m = find.exec(source)) !== null) {
    // the run of non-ASCII characters around the hit, with the character before it (a base)
    let from = m.index;
    while (from > 0 && source.charCodeAt(from - 1) > 0x7f) from--;
    if (from > copied) from--;
    from = Math.max(from, copied);
    let to = m.index + 1;
    while (to < len && source.charCodeAt(to) > 0x7f) to++;
    normaliseRun(from, to);
    find.lastIndex = to;
  }
  copyTo(len);
  const text = parts.join("");
  const an = Int32Array.from(normN);
  const as = Int32Array.from(srcN);
  normN = [];
  srcN = [];
  const textLen = text.length;
  const count = an.length;
  return {
    text,
    changed: true,
    toSource(offset: number): number {
      const o = offset < 0 ? 0 : offset > textLen ? textLen : offset;
      const i = lastAtOrBefore(an, o);
      if (i < 0) return o;
      const d = o - an[i];
      if (i + 1 < count) {
        const ln = an[i + 1] - an[i];
        const ls = as[i + 1] - as[i];
        if (ln !== ls) return as[i]; // inside a group that changed length: its start
      }
      return as[i] + d;
    },
  };
}
