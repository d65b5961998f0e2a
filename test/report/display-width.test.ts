import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/report/display-width.js";

describe("displayWidth", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["氏名", 4],
    ["携帯電話番号", 12],
    ["ｶﾅ", 2], // half-width katakana are narrow
    ["ＡＢ", 4], // full-width Latin is wide
    ["佐藤 **", 7],
    ["ghp_****…Qz81", 13],
    ["が", 2], // precomposed
    ["か\u3099", 2], // combining voiced mark adds nothing
  ])("%j is %i columns", (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });
});
