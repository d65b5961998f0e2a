import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeWithMap } from "../../src/decode/normalize-with-map.js";

/** Characters that NFKC changes (full-width, half-width kana with voiced marks, ㍻, ligatures, combining marks) mixed with plain ones. */
const PIECES = ["a", "Z", "0", "9", "-", "@", " ", "\n", "\r\n", "\t", ",", '"', "０", "９", "Ａ", "ｚ", "＠", "－", "，", "＂", "ｶ", "ﾞ", "ｶﾞ", "ﾊﾟ", "ｱ", "ｰ", "㍻", "㈱", "ﬁ", "é", "e\u0301", "が", "山", "田", "髙", "﨑", "①", "𠮷", "😀", "𝐀", "\u3000", "ｷﾞｮｳ"];
const mixed = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join(""));

describe("normalizeWithMap", () => {
  it("returns ASCII and already-NFKC text unchanged, with the identity map", () => {
    for (const s of ["plain ascii\nline", "山田太郎 東京都"]) {
      const n = normalizeWithMap(s);
      expect(n.changed).toBe(false);
      expect(n.text).toBe(s);
      expect(n.toSource(3)).toBe(3);
    }
  });

  it("normalises full-width digits and letters, half-width kana and ㍻", () => {
    const n = normalizeWithMap("電話０９０－１２３４ ｶﾞｷﾞ ㍻ ＡＢＣ");
    expect(n.text).toBe("電話090-1234 ガギ 平成 ABC");
    expect(n.toSource(n.text.indexOf("ギ"))).toBe("電話０９０－１２３４ ｶﾞｷﾞ".indexOf("ｷﾞ"));
    expect(n.toSource(n.text.indexOf("ABC"))).toBe("電話０９０－１２３４ ｶﾞｷﾞ ㍻ ".length);
  });

  it("maps exactly when a shrink and a growth cancel out in one run", () => {
    const n = normalizeWithMap("ｶ𝐀ﬁ"); // 𝐀 (2 units) → A, ﬁ → fi: same total length
    expect(n.text).toBe("カAfi");
    expect([0, 1, 2, 3, 4].map((i) => n.toSource(i))).toEqual([0, 1, 3, 3, 4]);
  });

  it("text is the NFKC of every non-ASCII run that holds a Japanese-relevant compatibility character", () => {
    const jc = /[\u2460-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef\ud87e]/;
    const reference = (s: string): string => s.replace(/[\x00-\x7f]?[^\x00-\x7f]+/g, (run) => (jc.test(run) ? run.normalize("NFKC") : run));
    fc.assert(
      fc.property(mixed, (s) => {
        expect(normalizeWithMap(s).text).toBe(reference(s));
      }),
    );
    // a source-code file with only NBSP, ligatures or "…" is left alone (speed of plain source)
    expect(normalizeWithMap("a\u00a0b … ﬁ").changed).toBe(false);
    expect(normalizeWithMap("ﬁ ｶﾞ").text).toBe("ﬁ ガ");
  });

  it("every offset maps to a source character whose NFKC produced it (property)", () => {
    fc.assert(
      fc.property(mixed, (s) => {
        const n = normalizeWithMap(s);
        let prev = 0;
        for (let i = 0; i < n.text.length; i++) {
          const o = n.toSource(i);
          expect(o).toBeGreaterThanOrEqual(prev); // monotonic
          prev = o;
          const c = n.text[i];
          if (c >= "\ud800" && c <= "\udfff") continue;
          // the source group starting at o (a character and its marks) normalises to something containing c
          const group = /^[\s\S][\p{M}\uFF9E\uFF9F]*/u.exec(s.slice(o))![0];
          expect(group.normalize("NFKC") + group).toContain(c);
        }
        expect(n.toSource(n.text.length)).toBe(s.length);
        if (!n.changed) expect(n.text).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
