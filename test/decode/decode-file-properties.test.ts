import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { OPTIONS, encodeJapanese, utf16, utf8 } from "./helpers.js";

/** Pieces every encoding under test can carry (CP932 has 髙, 﨑, ①, ㍻), mixed with line breaks. */
const PIECES = ["a", "Z", "7", ",", " ", "-", "@", "\n", "\r\n", "\t", "あ", "ア", "山", "髙", "﨑", "０", "９", "Ａ", "ｚ", "ｶ", "ﾞ", "ｶﾞ", "ﾊﾟ", "ｰ", "①", "㍻", "\u3000", "ー", "＠"];
const pieces = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 80 });
/** Japanese text has kana: a kana piece keeps Shift_JIS and EUC-JP apart (tiny all-half-width-kana files can be either). */
const text = fc.tuple(pieces, fc.nat()).map(([a, at]) => {
  a.splice(at % (a.length + 1), 0, "あ");
  return a.join("");
});

/** The code point at a 1-based line and column of the original text. */
function charAt(original: string, line: number, column: number): string | undefined {
  return Array.from(original.split("\n")[line - 1] ?? "")[column - 1];
}

const ENCODINGS: [string, (s: string) => Uint8Array][] = [
  ["Shift_JIS", (s) => encodeJapanese(s, "SJIS")],
  ["EUC-JP", (s) => encodeJapanese(s, "EUCJP")],
  ["UTF-8 BOM", (s) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)])],
  ["UTF-16LE BOM", (s) => utf16(s, "le", true)],
  ["UTF-16BE BOM", (s) => utf16(s, "be", true)],
];

describe("decodeFile: locate points at the same character in the original (property)", () => {
  it("an all-kanji Shift_JIS file (IBM extensions) is not taken for EUC-JP", () => {
    const u = decodeFile("names.txt", encodeJapanese("髙髙", "SJIS"), OPTIONS).units[0]; // EE E0 EE E0: valid EUC-JP too
    expect(u.text).toBe("髙髙");
    expect(decodeFile("names.txt", encodeJapanese("山田太郎", "EUCJP"), OPTIONS).units[0].text).toBe("山田太郎");
  });

  it.each(ENCODINGS)("%s", (_name, encode) => {
    fc.assert(
      fc.property(text, fc.constantFrom("notes.txt", "list.csv"), (original, path) => {
        const { units, skipped } = decodeFile(path, encode(original), OPTIONS);
        expect(skipped).toEqual([]);
        const u = units[0];
        for (let i = 0; i < u.text.length; i++) {
          const c = u.text[i];
          if (c === "\n" || c === "\r") continue;
          const loc = u.locate!(i);
          const o = charAt(original, loc.line!, loc.column!);
          expect(o).toBeDefined();
          // the original character is the one that normalised to c (ｶﾞ → ガ maps to ｶ; ㍻ → 平成 maps both to ㍻)
          const rest = Array.from(original.split("\n")[loc.line! - 1]).slice(loc.column! - 1).join("");
          const group = /^[\s\S][\p{M}\uFF9E\uFF9F]*/u.exec(rest)![0];
          expect(group.normalize("NFKC") + o).toContain(c);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("decodeFile: structured junk never breaks locate or fieldAt (property)", () => {
  const piece = fc.constantFrom("{", "}", "[", "]", '"', "'", "`", ",", ":", "=", ";", "(", ")", "\t", "\n", "\r\n", "\\", "\\u3042", "\\uFF10", "a", "1", "山", "ｶﾞ", "０", "　", "INSERT INTO t VALUES ", "COPY t (a, b) FROM stdin;\n", "\\.\n", "CREATE TABLE x (", "key: ", "<a b=\"", "</a>", "-- c\n", "$$", "=?UTF-8?B?", "5bGx?=", "=?ISO-2022-JP?Q?=1B", "Content-Transfer-Encoding: base64\n", "Content-Transfer-Encoding: quoted-printable\n", "Content-Type: multipart/mixed; boundary=b\n", "\n--b\n", "--b--", "=E5=B1=", "5bGx55Sw\n");
  const names = ["x.csv", "x.tsv", "x.json", "x.ndjson", "x.sql", "x.yml", "x.env", "x.xml", "x.properties", "x.ipynb", "x.txt", "x.eml"];
  it("for every offset: a line and column inside the original, no throw", () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(piece, { maxLength: 60 }), (name, parts) => {
        const original = parts.join("");
        const { units, skipped } = decodeFile(name, utf8(original), OPTIONS);
        expect(skipped).toEqual([]);
        const lines = original.split("\n");
        for (const u of units.filter((x) => x.path === name)) {
          void u.records;
          for (let i = 0; i <= u.text.length; i++) {
            const { line, column } = u.locate!(i);
            expect(line).toBeGreaterThanOrEqual(1);
            expect(line).toBeLessThanOrEqual(lines.length);
            expect(column).toBeGreaterThanOrEqual(1);
            expect(column!).toBeLessThanOrEqual(Array.from(lines[line! - 1]).length + 1);
            const f = u.fieldAt?.(i);
            if (f) expect(f.record).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
