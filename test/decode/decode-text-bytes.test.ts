import { describe, expect, it } from "vitest";
import { decodeTextBytes } from "../../src/decode/decode-text-bytes.js";
import { guessUtf16 } from "../../src/decode/guess-utf16.js";
import { encodeJapanese, utf16, utf8 } from "./helpers.js";

const SAMPLE = "氏名,電話\n山田太郎,髙﨑 ①\nｶﾀｶﾅ ０９０\n";

describe("decodeTextBytes", () => {
  it("decodes UTF-8 without and with BOM (BOM stripped)", () => {
    expect(decodeTextBytes(utf8(SAMPLE))).toMatchObject({ text: SAMPLE, encoding: "utf-8", bom: false, lossy: false });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SAMPLE)]);
    expect(decodeTextBytes(withBom)).toMatchObject({ text: SAMPLE, encoding: "utf-8", bom: true });
  });

  it.each([
    ["le", true, "utf-16le"],
    ["be", true, "utf-16be"],
    ["le", false, "utf-16le"],
    ["be", false, "utf-16be"],
  ] as const)("decodes UTF-16 %s (BOM: %s)", (order, bom, encoding) => {
    const text = `password = "secret-value"\nname = 山田太郎\n`;
    expect(decodeTextBytes(utf16(text, order, bom))).toMatchObject({ text, encoding });
  });

  it("detects BOM-less all-Japanese UTF-16LE by plausibility", () => {
    const text = "山田太郎さんの電話番号と住所です。東京都千代田区";
    expect(decodeTextBytes(utf16(text, "le", false))?.text).toBe(text);
  });

  it("decodes Shift_JIS / CP932 including NEC and IBM extensions (髙, 﨑, ①)", () => {
    const d = decodeTextBytes(encodeJapanese(SAMPLE, "SJIS"));
    expect(d).toMatchObject({ encoding: "shift_jis", text: SAMPLE, lossy: false });
  });

  it("decodes EUC-JP", () => {
    const text = "氏名,電話\n山田太郎,東京都\n";
    expect(decodeTextBytes(encodeJapanese(text, "EUCJP"))).toMatchObject({ encoding: "euc-jp", text });
  });

  it("decodes ISO-2022-JP", () => {
    const text = "件名: 山田太郎 様\nabc\n";
    expect(decodeTextBytes(encodeJapanese(text, "JIS"))).toMatchObject({ encoding: "iso-2022-jp", text });
  });

  it("keeps mostly-UTF-8 text with invalid sequences, replacing them", () => {
    const bytes = new Uint8Array([...utf8("key = value one\n"), 0xff, 0xfe, 0x41, ...utf8("\nmore text here and here\n")]);
    const d = decodeTextBytes(bytes);
    expect(d?.lossy).toBe(true);
    expect(d?.text).toContain("more text here");
  });

  it("guesses UTF-16 only from a NUL pattern", () => {
    expect(guessUtf16(utf8("plain ascii text"))).toBeUndefined();
    expect(guessUtf16(utf16("plain ascii text", "le", false))).toBe("utf-16le");
  });
});

describe("decodeTextBytes: binary with a NUL pattern", () => {
  it("is not taken for UTF-16", () => {
    const bytes = new Uint8Array(2048);
    for (let i = 0; i < bytes.length; i += 2) bytes[i] = (i * 7) % 31; // control characters every other byte
    expect(decodeTextBytes(bytes)).toBeUndefined();
  });
});

describe("decodeTextBytes: doubtful UTF-16 guesses (issue 11, item 5)", () => {
  it("reads FF FE + ASCII text as 8-bit text too", () => {
    const d = decodeTextBytes(new Uint8Array([0xff, 0xfe, ...utf8("KEY=value\n".repeat(20))]));
    expect(d?.alternative?.text).toBe("KEY=value\n".repeat(20));
  });

  it("validates a NUL-pattern guess over the whole file, not the first 4 KiB", () => {
    const d = decodeTextBytes(new Uint8Array([...utf16("# x\n".repeat(600), "le", false), ...utf8("KEY=value\n".repeat(500))]));
    expect(d?.encoding).toBe("utf-16le");
    expect(d?.alternative?.text).toContain("KEY=value\nKEY=value\n");
  });

  it("gives genuine UTF-16 (ASCII or Japanese) a single reading", () => {
    expect(decodeTextBytes(utf16("KEY=value\n".repeat(800), "le", true))?.alternative).toBeUndefined();
    expect(decodeTextBytes(utf16("山田太郎さんの住所は東京都です。\n".repeat(800), "be", true))?.alternative).toBeUndefined();
  });
});
