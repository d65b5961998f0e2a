import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasJapaneseCompatUtf8 } from "../../src/decode/has-japanese-compat-utf8.js";
import { utf8 } from "./helpers.js";

const JC = /[\u2460-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef\ud87e]/;

describe("hasJapaneseCompatUtf8", () => {
  it("finds full-width, half-width, U+3000, ㍻ and ① in UTF-8", () => {
    for (const s of ["x０", "ｶ", "山田\u3000太郎", "㍻", "①", "﨑", "\u{2f800}"]) expect(hasJapaneseCompatUtf8(utf8(s))).toBe(true);
    for (const s of ["plain", "山田 太郎 “quoted” … ©", "\ufeffbom", ""]) expect(hasJapaneseCompatUtf8(utf8(s))).toBe(false);
  });

  it("never misses a character the string-level check would find (property)", () => {
    const cp = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x2000, max: 0x3400 }), fc.integer({ min: 0xf800, max: 0xffff }), fc.integer({ min: 0x2f7f0, max: 0x2fa30 }));
    fc.assert(
      fc.property(fc.array(cp, { maxLength: 20 }), (cps) => {
        const s = String.fromCodePoint(...cps.filter((c) => c < 0xd800 || c > 0xdfff));
        if (JC.test(s)) expect(hasJapaneseCompatUtf8(utf8(s))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
