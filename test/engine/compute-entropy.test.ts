import { describe, expect, it } from "vitest";
import { computeEntropy } from "../../src/engine/compute-entropy.js";

describe("computeEntropy", () => {
  it.each([
    ["", 0],
    ["aaaa", 0],
    ["ab", 1],
    ["abcd", 2],
    ["0123456789abcdef", 4],
    ["あいうえ", 2],
  ])("%s has %d bits per character", (value, bits) => {
    expect(computeEntropy(value)).toBeCloseTo(bits, 6);
  });
});
