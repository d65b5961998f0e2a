import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { unescapeUnicodeWithMap } from "../../src/decode/unescape-unicode-with-map.js";
import { OPTIONS, utf8 } from "./helpers.js";

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

describe("unescapeUnicodeWithMap", () => {
  it("decodes non-ASCII escapes only, not ASCII ones nor escaped backslashes", () => {
    const src = String.raw`{"name": "\u5c71\u7530", "q": "\u0022", "raw": "\\u5c71"}`;
    const u = unescapeUnicodeWithMap(src);
    expect(u.text).toBe(String.raw`{"name": "山田", "q": "\u0022", "raw": "\\u5c71"}`);
    expect(u.toSource(u.text.indexOf("田"))).toBe(src.indexOf(String.raw`\u7530`));
    expect(u.toSource(u.text.indexOf('", "q"'))).toBe(src.indexOf('", "q"'));
    expect(unescapeUnicodeWithMap("no escapes").changed).toBe(false);
  });

  it("round-trips any text whose non-ASCII characters were escaped, mapping each to its escape (property)", () => {
    const piece = fc.constantFrom("a", " ", '"', "\\\\", "山", "田", "ｶ", "０", "\n", "😀");
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 40 }), (pieces) => {
        let src = "";
        const starts: number[] = [];
        for (const [p, esc] of pieces) {
          for (let k = 0; k < p.length; k++) {
            const c = p[k]; // UTF-16 units: a surrogate pair is escaped as two escapes, like JSON does
            starts.push(src.length);
            src += esc && c.charCodeAt(0) > 0x7f ? escape(c) : c;
          }
        }
        const original = pieces.map(([p]) => p).join("");
        const u = unescapeUnicodeWithMap(src);
        expect(u.text).toBe(original);
        for (let i = 0; i < original.length; i++) expect(u.toSource(i)).toBe(starts[i]);
      }),
    );
  });
});

describe("decodeFile: JSON written with ensure_ascii", () => {
  it("names escaped as \\uXXXX are decoded, keyed and located at the escape", () => {
    const escaped = (s: string): string => [...s].map((c) => (c.charCodeAt(0) > 0x7f ? escape(c) : c)).join("");
    const src = `[\n  {"${escaped("氏名")}": "${escaped("山田太郎")}", "tel": "${escaped("０９０")}-0000-0000"}\n]\n`;
    const u = decodeFile("export.json", utf8(src), OPTIONS).units[0];
    expect(u.text).toContain('"氏名": "山田太郎"');
    expect(u.text).toContain('"tel": "090-0000-0000"');
    const at = u.text.indexOf("山田");
    expect(u.fieldAt!(at)).toEqual({ key: "氏名", record: 0 });
    expect(u.locate!(at)).toEqual({ line: 2, column: src.split("\n")[1].indexOf("\\u5c71") + 1 });
    expect(u.locate!(u.text.indexOf("090"))).toEqual({ line: 2, column: src.split("\n")[1].indexOf("\\uff10") + 1 });
  });
});
