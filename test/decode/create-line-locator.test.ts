import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLineLocator } from "../../src/decode/create-line-locator.js";
import { positionOf } from "./helpers.js";

describe("createLineLocator", () => {
  it("gives 1-based lines and code-point columns, CRLF counting as one break", () => {
    const s = "ab\r\n𠮷野家 X\nlast";
    const at = createLineLocator(s);
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(s.indexOf("X"))).toEqual({ line: 2, column: 5 }); // 𠮷 is one column, two UTF-16 units
    expect(at(s.indexOf("last"))).toEqual({ line: 3, column: 1 });
    expect(at(s.length + 10)).toEqual({ line: 3, column: 5 });
  });

  it("agrees with a naive split for any text (property)", () => {
    const piece = fc.constantFrom("a", "山", "😀", "\n", "\r\n", "\t", "ｶ");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), fc.nat(), (parts, pick) => {
        const s = parts.join("") + "#";
        const at = createLineLocator(s);
        const marker = s.lastIndexOf("#");
        expect(at(marker)).toEqual(positionOf(s, "#"));
        const i = pick % s.length;
        const loc = at(i);
        const line = s.split("\n")[loc.line - 1];
        if (s[i] !== "\n" && !(s.charCodeAt(i) >= 0xdc00 && s.charCodeAt(i) <= 0xdfff)) {
          expect(Array.from(line)[loc.column - 1]?.[0]).toBe(s[i]);
        }
      }),
    );
  });
});
