import { describe, expect, it } from "vitest";
import { saltNonceValue } from "../../../src/engine/validators/salt-nonce-value.js";

const pick = (alphabet: string, n: number, step = 11) => Array.from({ length: n }, (_, i) => alphabet[(i * step + 5) % alphabet.length]).join("");
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

describe("saltNonceValue", () => {
  it("finds a random-looking hard-coded salt or nonce with low confidence only", () => {
    expect(saltNonceValue(pick(B62, 22))).toBe("low");
    expect(saltNonceValue(pick(B62, 16) + "==")).toBe("low");
  });
  it("is silent on words, names, references, short values and fillers", () => {
    for (const v of ["user-NONCE", "static_salt_value", "${PASSWORD_SALT}", pick(B62, 8), "0000000000000000", "<your-salt>"]) expect(saltNonceValue(v), v).toBe(false);
  });
});
