import { describe, expect, it } from "vitest";
import { otpSeedValue } from "../../../src/engine/validators/otp-seed-value.js";

const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const seed = (n: number, offset = 7) => Array.from({ length: n }, (_, i) => B32[(i * offset + 3) % 32]).join("");

describe("otpSeedValue", () => {
  it("accepts a base32 seed of 16+ characters with padding or lower case", () => {
    expect(otpSeedValue(seed(32))).toBe("medium");
    expect(otpSeedValue(seed(16).toLowerCase())).toBe("medium");
    expect(otpSeedValue(seed(26) + "======")).toBe("medium");
  });
  it("rejects short values, other alphabets, fillers and the documented example seed", () => {
    for (const v of [seed(12), seed(20).replace(/A/g, "1") + "0", "X".repeat(20), "ABABABABABABABABAB", "JBSWY3DPEHPK3PXP", "YOURBASE32SECRETHERE"])
      expect(otpSeedValue(v), v).toBe(false);
  });
});
