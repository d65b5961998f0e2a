import { describe, expect, it } from "vitest";
import { myNumberCheckDigit } from "../../../src/engine/validators/my-number-check-digit.js";

/** Appends the 総務省令 check digit to 11 digits (independent re-statement of the rule). */
function withCheck(eleven: string): string {
  const weights = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]; // from the left: q_n for n = 11..1
  const s = [...eleven].reduce((acc, c, i) => acc + Number(c) * weights[i], 0) % 11;
  return eleven + String(s <= 1 ? 0 : 11 - s);
}
const random11 = () => Array.from({ length: 11 }, () => Math.floor(Math.random() * 10)).join("");

describe("myNumberCheckDigit", () => {
  it.each(Array.from({ length: 50 }, () => withCheck(random11())))("accepts generated %s", (n) => {
    expect(myNumberCheckDigit(n)).toBe(true);
  });
  it("accepts spaced and hyphenated forms", () => {
    const n = withCheck(random11());
    expect(myNumberCheckDigit(`${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`)).toBe(true);
    expect(myNumberCheckDigit(`${n.slice(0, 4)}-${n.slice(4, 8)}-${n.slice(8)}`)).toBe(true);
  });
  it("rejects a wrong check digit", () => {
    const n = withCheck(random11());
    const wrong = n.slice(0, 11) + String((Number(n[11]) + 1) % 10);
    expect(myNumberCheckDigit(wrong)).toBe(false);
  });
  it.each([
    ["000000000000", "one-digit run"],
    ["11111111111", "11 digits"],
    ["1234567890123", "13 digits (corporate number length)"],
    ["12345678901a", "letters"],
  ])("rejects %s (%s)", (v) => {
    expect(myNumberCheckDigit(v)).toBe(false);
  });
  it("accepts about one random 12-digit number in ten", () => {
    let ok = 0;
    for (let i = 0; i < 5000; i++) if (myNumberCheckDigit(random11() + String(Math.floor(Math.random() * 10))) === true) ok++;
    expect(ok / 5000).toBeGreaterThan(0.07);
    expect(ok / 5000).toBeLessThan(0.13);
  });
});
