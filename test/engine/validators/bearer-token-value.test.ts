import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerTokenValue } from "../../../src/engine/validators/bearer-token-value.js";

// Values are generated here so that nothing live-looking is committed.
const HEX = "0123456789abcdef";
const rnd = (n: number, a = HEX) => Array.from(randomBytes(n), (b) => a[b % a.length]).join("");
const word = (n: number) => rnd(n, "abcdefghijklmnopqrstuvwxyz");

describe("bearerTokenValue", () => {
  it("grades a random-looking token of 16+ characters medium", () => {
    expect(bearerTokenValue(`${rnd(62)}a1`)).toBe("medium");
  });
  it("finds a short fixture token with low confidence and the weak-value tag", () => {
    expect(bearerTokenValue(`${word(6)}42`)).toEqual({ confidence: "low", tags: ["weak-value"] });
  });
  it("rejects references, placeholders, identifiers and words", () => {
    for (const v of ["$API_TOKEN", "${TOKEN}", "<your-token>", "xxxxxxxxxxxxxxxx", "accessToken", "ACCESS_TOKEN", "authentication", "your_token_here", "{{token}}"]) {
      expect(bearerTokenValue(v), v).toBe(false);
    }
  });
});
