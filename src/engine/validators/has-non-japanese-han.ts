import Encoding from "encoding-japanese";

/** Han characters already classified (BMP code point → written in Japanese?). */
const SEEN = new Map<number, boolean>();

/**
 * True when `value` holds a Han character that Japanese does not write: a BMP ideograph that
 * Shift_JIS (JIS X 0208 with the NEC/IBM extensions of Windows-31J: 髙, 﨑, 德 …) cannot encode,
 * such as the simplified forms of Chinese (间, 东, 门, 场, 镑). Such a value is Chinese text — a
 * locale's airport, unit or currency name — not the name of a person in a Japanese record.
 * Characters outside the BMP (𠮷 of 𠮷田) are left alone: they are rare name characters.
 */
export function hasNonJapaneseHan(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // CJK Unified Ideographs (4E00–9FFF) and Extension A (3400–4DBF); surrogates are skipped.
    if (code < 0x3400 || (code > 0x4dbf && code < 0x4e00) || code > 0x9fff) continue;
    let japanese = SEEN.get(code);
    if (japanese === undefined) {
      const sjis = Encoding.convert([code], { to: "SJIS", from: "UNICODE" }) as number[];
      japanese = !(sjis.length === 1 && sjis[0] === 0x3f);
      SEEN.set(code, japanese);
    }
    if (!japanese) return true;
  }
  return false;
}
