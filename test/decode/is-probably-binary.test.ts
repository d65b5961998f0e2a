import { describe, expect, it } from "vitest";
import { isProbablyBinary } from "../../src/decode/is-probably-binary.js";
import { utf8 } from "./helpers.js";

describe("isProbablyBinary", () => {
  it.each([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ["PDF with a compressed stream", [...utf8("%PDF-1.7\n"), ...Array.from({ length: 200 }, (_, i) => (i * 97 + 13) & 0xff)]],
    ["ELF", [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]],
    ["NUL byte", [...utf8("abc"), 0, ...utf8("def")]],
    ["control characters in invalid UTF-8", Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : i % 3 === 1 ? 0xff : 65))],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0]],
    ["OLE2", [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]],
  ])("%s is binary", (_name, bytes) => {
    expect(isProbablyBinary(Uint8Array.from(bytes))).toBe(true);
  });

  it.each([
    ["ASCII", utf8("const a = 1;\r\n\tfoo();\n")],
    ["Japanese UTF-8", utf8("山田太郎\n")],
    ["ISO-2022-JP escapes", Uint8Array.from([0x1b, 0x24, 0x42, 0x3b, 0x33, 0x1b, 0x28, 0x42])],
    ["empty", new Uint8Array(0)],
    ["Shift_JIS", Uint8Array.from([0x82, 0xa0, 0x8e, 0x52, 0x93, 0x63, 0x0a])],
    // issue 11, item 6: a magic number or a stray NUL in front of text does not make it binary
    ["text behind a PDF header", utf8("%PDF-1.7\nGITHUB_TOKEN=value\nLOG_LEVEL=info\nDEBUG=false\n")],
    ["text behind a PNG signature", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...utf8("key = value\n".repeat(20))])],
    ["text with a NUL in front", Uint8Array.from([0, ...utf8("key = value\n".repeat(20))])],
  ])("%s is text", (_name, bytes) => {
    expect(isProbablyBinary(bytes)).toBe(false);
  });
});
