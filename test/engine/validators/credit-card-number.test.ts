import { describe, expect, it } from "vitest";
import { creditCardNumber } from "../../../src/engine/validators/credit-card-number.js";
import { luhn } from "../../../src/engine/validators/luhn.js";

/** Completes a prefix to `length` digits with random digits and a Luhn check digit. */
function card(prefix: string, length: number): string {
  let body = prefix;
  while (body.length < length - 1) body += String(Math.floor(Math.random() * 10));
  for (let c = 0; c < 10; c++) if (luhn(body + c)) return body + c;
  throw new Error("unreachable");
}

describe("luhn", () => {
  it.each([
    ["79927398713", true],
    ["79927398710", false],
    ["0", true],
    ["12a4", false],
  ])("%s → %s", (v, ok) => expect(luhn(v)).toBe(ok));
});

describe("creditCardNumber", () => {
  it.each([
    ["Visa", "49", 16],
    ["Mastercard", "53", 16],
    ["Mastercard 2-series", "2300", 16],
    ["Amex", "37", 15],
    ["JCB 3528", "3528", 16],
    ["JCB 3589", "3589", 16],
    ["JCB 19 digits", "3540", 19],
    ["Diners 14", "305", 14],
    ["Discover", "6011", 16],
  ])("accepts a generated %s number", (_name, prefix, length) => {
    const n = card(prefix as string, length as number);
    expect(creditCardNumber(n)).toBe(true);
    expect(creditCardNumber(n.replace(/(\d{4})(?=\d)/g, "$1 "))).toBe(true);
    expect(creditCardNumber(n.replace(/(\d{4})(?=\d)/g, "$1-"))).toBe(true);
  });
  it("rejects a number failing Luhn", () => {
    const n = card("45", 16);
    expect(creditCardNumber(n.slice(0, 15) + String((Number(n[15]) + 1) % 10))).toBe(false);
  });
  it.each([
    ["4242424242424242", "Stripe test card"],
    ["4111111111111111", "classic test Visa"],
    ["5555555555554444", "test Mastercard"],
    ["3530111333300000", "test JCB"],
    ["1234567812345670", "no issuer range"],
    ["3590000000000000", "outside JCB 3528–3589"],
    ["4000", "too short"],
  ])("rejects %s (%s)", (v) => expect(creditCardNumber(v)).toBe(false));
  it("rejects a JCB-range number of the wrong length", () => expect(creditCardNumber(card("3530", 14))).toBe(false));
});

describe("creditCardNumber and look-alike codes", () => {
  it("rejects 13-digit numbers starting with 4 (JAN/EAN codes), even with a valid Luhn digit", () => {
    expect(creditCardNumber(card("49", 13))).toBe(false);
  });
});
