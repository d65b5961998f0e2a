import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { basicAuthValue } from "../../../src/engine/validators/basic-auth-value.js";

// Values are generated here so that nothing live-looking is committed.
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const rnd = (n: number) => Array.from(randomBytes(n), (b) => B62[b % B62.length]).join("");
const word = (n: number) => Array.from(randomBytes(n), (b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("");
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("basicAuthValue", () => {
  it("grades user:random-password high", () => {
    expect(basicAuthValue(b64(`ci-${word(5)}:${rnd(18)}4Q`))).toBe("high");
  });
  it("finds a word-like password with low confidence and the weak-value tag", () => {
    expect(basicAuthValue(b64(`${word(4)}:${word(7)}`))).toEqual({ confidence: "low", tags: ["weak-value"] });
    expect(basicAuthValue(b64(`${word(4)}:password`))).toEqual({ confidence: "low", tags: ["weak-value"] });
  });
  it("rejects references, masks, the stock user:password and text without a colon", () => {
    expect(basicAuthValue(b64(`${word(4)}:\${${word(4).toUpperCase()}}`))).toBe(false);
    expect(basicAuthValue(b64(`${word(4)}:<password>`))).toBe(false);
    expect(basicAuthValue(b64(`${word(4)}:****`))).toBe(false);
    expect(basicAuthValue(b64("user:password"))).toBe(false);
    expect(basicAuthValue(b64(word(12)))).toBe(false);
    expect(basicAuthValue("authentication")).toBe(false);
  });
});
