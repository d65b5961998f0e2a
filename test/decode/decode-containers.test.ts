import { gzipSync, strToU8, zipSync } from "fflate";
import { createTar } from "nanotar";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { OPTIONS, dummyToken, encodeJapanese, utf8 } from "./helpers.js";

const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A minimal .xlsx package: shared strings for text, inline strings and numbers, two sheets. */
type Cell = string | number | null | { date: number };

function makeXlsx(sheets: { name: string; rows: Cell[][] }[]): Uint8Array {
  const shared: string[] = [];
  const files: Record<string, Uint8Array> = {};
  const rels: string[] = [];
  const sheetEls: string[] = [];
  sheets.forEach((sheet, si) => {
    const rowsXml = sheet.rows
      .map((row, ri) => {
        const cells = row
          .map((v, ci) => {
            if (v === null) return "";
            const ref = `${String.fromCharCode(65 + ci)}${ri + 1}`;
            if (typeof v === "object") return `<c r="${ref}" s="1"><v>${v.date}</v></c>`;
            if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
            if (v.startsWith("inline:")) return `<c r="${ref}" t="inlineStr"><is><t>${esc(v.slice(7))}</t></is></c>`;
            shared.push(v);
            return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
          })
          .join("");
        return `<row r="${ri + 1}">${cells}</row>`;
      })
      .join("");
    files[`xl/worksheets/sheet${si + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`);
    rels.push(`<Relationship Id="rId${si + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${si + 1}.xml"/>`);
    sheetEls.push(`<sheet name="${esc(sheet.name)}" sheetId="${si + 1}" r:id="rId${si + 1}"/>`);
  });
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetEls.join("")}</sheets></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  // the second shared string uses rich-text runs and a phonetic run that Excel does not show
  const si = shared.map((s, i) => (i === 1 ? `<si><r><t>${esc(s.slice(0, 1))}</t></r><r><t xml:space="preserve">${esc(s.slice(1))}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>` : `<si><t>${esc(s)}</t></si>`));
  files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${si.join("")}</sst>`);
  files["xl/styles.xml"] = strToU8(
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="176" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  files["[Content_Types].xml"] = strToU8("<Types/>");
  return zipSync(files);
}

describe("decodeFile: workbooks", () => {
  it("one unit per sheet, cells located as Sheet!C12 with the header as key", () => {
    const xlsx = makeXlsx([
      {
        name: "顧客一覧",
        rows: [
          ["氏名", "フリガナ", "電話番号", "メール", "生年月日"],
          ["山田太郎", "ヤマダタロウ", "０９０－００００－００００", "taro@example.com", { date: 32874 }],
          [null, null, "inline:080-0000-0000", null, null],
          ["山田花子", null, 9012345678, null, 45000],
        ],
      },
      { name: "集計", rows: [["合計", 3]] },
    ]);
    const { units, skipped } = decodeFile("data/customers.xlsx", xlsx, OPTIONS);
    expect(skipped).toEqual([]);
    expect(units.map((u) => u.path)).toEqual(["data/customers.xlsx!顧客一覧", "data/customers.xlsx!集計"]);
    const u = units[0];
    expect(u.records).toBe(3);
    const phone = u.text.indexOf("090-0000-0000");
    expect(u.locate!(phone)).toEqual({ line: 2, column: 3, pathSuffix: "C2" });
    expect(u.fieldAt!(phone)).toEqual({ key: "電話番号", record: 0 });
    const inline = u.text.indexOf("080-0000-0000");
    expect(u.locate!(inline)).toEqual({ line: 3, column: 3, pathSuffix: "C3" });
    expect(u.fieldAt!(inline)).toEqual({ key: "電話番号", record: 1 });
    expect(u.locate!(u.text.indexOf("9012345678"))).toEqual({ line: 4, column: 3, pathSuffix: "C4" });
    expect(u.text).toContain("フリガナ"); // rich text runs joined
    expect(u.text).not.toContain("ヨミ"); // phonetic run left out
    // a date-formatted serial number reads as Excel shows it; a plain number stays a number
    expect(u.locate!(u.text.indexOf("1990/01/01"))).toEqual({ line: 2, column: 5, pathSuffix: "E2" });
    expect(u.fieldAt!(u.text.indexOf("1990/01/01"))).toEqual({ key: "生年月日", record: 0 });
    expect(u.text).toContain("45000");
  });

  it("a title row above the header is skipped", () => {
    const xlsx = makeXlsx([{ name: "名簿", rows: [["会員名簿"], [], ["氏名", "電話番号"], ["山田太郎", "inline:090-0000-0000"], ["山田花子", "inline:080-0000-0000"]] }]);
    const u = decodeFile("m.xlsx", xlsx, OPTIONS).units[0];
    expect(u.records).toBe(2);
    expect(u.fieldAt!(u.text.indexOf("080"))).toEqual({ key: "電話番号", record: 1 });
    expect(u.locate!(u.text.indexOf("080"))).toEqual({ line: 5, column: 2, pathSuffix: "B5" });
    expect(u.fieldAt!(u.text.indexOf("会員名簿"))).toBeUndefined();
  });

  it("a corrupt workbook is skipped with a reason, never a throw", () => {
    const xlsx = makeXlsx([{ name: "S", rows: [["a"]] }]);
    const broken = xlsx.slice(0, Math.floor(xlsx.length / 2));
    const r = decodeFile("bad.xlsx", broken, OPTIONS);
    expect(r.units).toEqual([]);
    expect(r.skipped[0].path).toBe("bad.xlsx");
    expect(r.skipped[0].reason).toMatch(/^corrupt xlsx file/);
    expect(decodeFile("fake.xlsx", utf8("not a zip"), OPTIONS).skipped[0].reason).toMatch(/not a zip/);
  });
});

describe("decodeFile: documents", () => {
  it("docx paragraphs are lines; pptx slides are units", () => {
    const token = dummyToken();
    const docx = zipSync({
      "word/document.xml": strToU8(`<w:document><w:body><w:p><w:r><w:t>見出し</w:t></w:r></w:p><w:p><w:r><w:t>トークン: </w:t></w:r><w:r><w:t>${token}</w:t></w:r></w:p></w:body></w:document>`),
      "word/comments.xml": strToU8("<w:comments><w:comment><w:p><w:r><w:t>確認済み</w:t></w:r></w:p></w:comment></w:comments>"),
    });
    const du = decodeFile("memo.docx", docx, OPTIONS).units;
    expect(du.map((u) => [u.path, u.text.length > 0])).toEqual([
      ["memo.docx", true],
      ["memo.docx!comments", true],
    ]);
    const d = du[0];
    expect(d.locate!(d.text.indexOf(token))).toEqual({ line: 2, column: 7 });
    const pptx = zipSync({
      "ppt/slides/slide2.xml": strToU8("<p:sld><a:p><a:r><a:t>二枚目 &amp; more</a:t></a:r></a:p></p:sld>"),
      "ppt/slides/slide10.xml": strToU8("<p:sld><a:p><a:r><a:t>十枚目</a:t></a:r></a:p></p:sld>"),
      "ppt/notesSlides/notesSlide2.xml": strToU8("<p:notes><a:p><a:r><a:t>話す内容</a:t></a:r></a:p></p:notes>"),
    });
    const p = decodeFile("deck.pptx", pptx, OPTIONS).units;
    expect(p.map((u) => [u.path, u.text])).toEqual([
      ["deck.pptx!slide2", "二枚目 & more"],
      ["deck.pptx!slide10", "十枚目"],
      ["deck.pptx!notes2", "話す内容"],
    ]);
  });
});

describe("decodeFile: archives", () => {
  const csv = encodeJapanese("氏名,電話\n山田太郎,090-0000-0000\n", "SJIS");

  it("zip entries get archive!inner paths, nested zips too", () => {
    const inner = zipSync({ "c.txt": strToU8("hello") });
    const outer = zipSync({ "exports/list.csv": csv, "b.zip": inner, "dir/": new Uint8Array(0) });
    const { units, skipped } = decodeFile("a.zip", outer, OPTIONS);
    expect(skipped).toEqual([]);
    expect(units.map((u) => u.path).sort()).toEqual(["a.zip!b.zip!c.txt", "a.zip!exports/list.csv"]);
    const u = units.find((x) => x.path.endsWith(".csv"))!;
    expect(u.fieldAt!(u.text.indexOf("090"))).toEqual({ key: "電話", record: 0 });
    expect(u.locate!(u.text.indexOf("090"))).toEqual({ line: 2, column: 6 });
  });

  it("stops at the configured depth and when archives are off", () => {
    const nested = zipSync({ "b.zip": zipSync({ "c.zip": zipSync({ "d.txt": strToU8("deep") }) }) });
    const r = decodeFile("a.zip", nested, { ...OPTIONS, maxArchiveDepth: 2 });
    expect(r.units).toEqual([]);
    expect(r.skipped).toEqual([{ path: "a.zip!b.zip!c.zip", reason: "archive nested deeper than 2" }]);
    expect(decodeFile("a.zip", nested, { ...OPTIONS, archives: false }).skipped[0].reason).toMatch(/turned off/);
  });

  it("zip-bomb defences: ratio, total bytes, entry count", () => {
    const zeros = new Uint8Array(2 * 1024 * 1024);
    const bomb = zipSync({ "zeros.txt": zeros }, { level: 9 });
    const r = decodeFile("bomb.zip", bomb, OPTIONS);
    expect(r.units).toEqual([]);
    expect(r.skipped[0].reason).toMatch(/compression ratio \d+:1 over the limit 200:1/);

    const two = zipSync({ "a.txt": strToU8("x".repeat(600)), "b.txt": strToU8("y".repeat(600)) }, { level: 0 });
    const bytes = decodeFile("t.zip", two, { ...OPTIONS, maxArchiveBytes: 1000 });
    expect(bytes.units).toHaveLength(1);
    expect(bytes.skipped[0].reason).toMatch(/archive size limit reached/);

    const many = zipSync(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, strToU8("x")])));
    const count = decodeFile("m.zip", many, { ...OPTIONS, maxArchiveEntries: 3 });
    expect(count.units).toHaveLength(3);
    expect(count.skipped.map((s) => s.reason)).toEqual(["archive entry limit reached", "archive entry limit reached"]);
  });

  it("corrupt zip: skipped with a reason", () => {
    const z = zipSync({ "a.txt": strToU8("hello world ".repeat(50)) });
    const r = decodeFile("c.zip", z.slice(0, z.length - 30), OPTIONS);
    expect(r.units).toEqual([]);
    expect(r.skipped[0]).toMatchObject({ path: "c.zip", reason: expect.stringMatching(/^corrupt archive/) });
  });

  it("gzip and tar.gz", () => {
    const gz = decodeFile("dump.sql.gz", gzipSync(strToU8("INSERT INTO t (email) VALUES ('a@example.com');")), OPTIONS).units[0];
    expect(gz.path).toBe("dump.sql.gz!dump.sql");
    expect(gz.fieldAt!(gz.text.indexOf("a@"))).toEqual({ key: "email", record: 0 });
    const tar = createTar([
      { name: "backup/list.csv", data: csv },
      { name: "backup/", attrs: {} },
    ]);
    const tgz = decodeFile("b.tar.gz", gzipSync(tar), OPTIONS);
    expect(tgz.skipped).toEqual([]);
    expect(tgz.units.map((u) => u.path)).toEqual(["b.tar.gz!backup/list.csv"]);
    const plainTar = decodeFile("b.tar", tar, OPTIONS);
    expect(plainTar.units.map((u) => u.path)).toEqual(["b.tar!backup/list.csv"]);
  });

  it("a gzip bomb is refused without inflating it all", () => {
    const bomb = gzipSync(new Uint8Array(20 * 1024 * 1024), { level: 9 });
    const r = decodeFile("z.gz", bomb, OPTIONS);
    expect(r.units).toEqual([]);
    expect(r.skipped[0].reason).toMatch(/too large when decompressed/);
  });
});

describe("decodeFile: hostile archives", () => {
  it("a zip whose headers understate the size is cut at the declared size", () => {
    const z = zipSync({ "a.txt": new Uint8Array(5 << 20).fill(65) }, { level: 9 });
    const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
    dv.setUint32(22, 100, true); // local header: uncompressed size
    for (let i = 0; i < z.length - 4; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 100, true); // central directory
    const r = decodeFile("lie.zip", z, OPTIONS);
    expect(r.units.map((u) => [u.path, u.text.length])).toEqual([["lie.zip!a.txt", 100]]);
  });
});

describe("decodeFile: naming and options", () => {
  it("a .jar is a zip; a plain .gz names its inner file; workbooks are read with archives off", () => {
    const jar = zipSync({ "META-INF/app.properties": strToU8("db.password=dummy\n") });
    const j = decodeFile("lib/app.jar", jar, OPTIONS).units[0];
    expect(j.path).toBe("lib/app.jar!META-INF/app.properties");
    expect(j.fieldAt!(j.text.indexOf("dummy"))).toEqual({ key: "db.password", record: 0 });
    expect(decodeFile("notes.txt.gz", gzipSync(strToU8("hello")), OPTIONS).units[0].path).toBe("notes.txt.gz!notes.txt");
    const xlsx = zipSync({ "xl/worksheets/sheet1.xml": strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>') });
    const off = decodeFile("b.xlsx", xlsx, { ...OPTIONS, archives: false });
    expect(off.units.map((u) => u.path)).toEqual(["b.xlsx!sheet1"]);
  });

  it("EUC-JP and ISO-2022-JP files decode with character columns", () => {
    const src = "件名: 山田太郎様\nトークン: abc\n";
    for (const enc of ["EUCJP", "JIS"] as const) {
      const u = decodeFile("mail.eml", encodeJapanese(src, enc), OPTIONS).units[0];
      expect(u.text).toBe(src);
      expect(u.locate!(u.text.indexOf("abc"))).toEqual({ line: 2, column: 7 });
    }
  });
});

describe("decodeFile: zip entry names", () => {
  it("CP932 names without the UTF-8 flag (Windows compressed folders) are read as Japanese", () => {
    const z = zipSync({ "AAAA.csv": strToU8("name,tel\nx,1\n") });
    const sjisName = encodeJapanese("顧客.csv", "SJIS"); // 8 bytes, like the placeholder
    for (let i = 0; i + 8 <= z.length; i++) {
      if (String.fromCharCode(...z.subarray(i, i + 8)) === "AAAA.csv") z.set(sjisName, i);
    }
    const r = decodeFile("backup.zip", z, OPTIONS);
    expect(r.units.map((u) => u.path)).toEqual(["backup.zip!顧客.csv"]);
  });
});

describe("decodeFile: one corrupt entry", () => {
  it("the other entries are still read and the bad one is named", () => {
    const z = zipSync({ "good.txt": strToU8("hello"), "bad.txt": strToU8("x".repeat(4000)) }, { level: 6 });
    // corrupt the deflate stream of bad.txt (its data follows its local header and name)
    const at = [...z.keys()].find((i) => String.fromCharCode(...z.subarray(i, i + 7)) === "bad.txt")!;
    for (let i = at + 7; i < at + 7 + 8; i++) z[i] = 0xff;
    const r = decodeFile("mixed.zip", z, OPTIONS);
    expect(r.units.map((u) => u.path)).toEqual(["mixed.zip!good.txt"]);
    expect(r.skipped).toEqual([{ path: "mixed.zip!bad.txt", reason: expect.stringMatching(/^corrupt archive entry/) }]);
  });
});

describe("decodeFile: workbook XML variants", () => {
  it("prefixed elements (<x:row>), self-closing rows and _xHHHH_ escapes", () => {
    const sheet = '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>メモ</x:t></x:is></x:c></x:row><x:row r="2"/><x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const xlsx = zipSync({
      "xl/worksheets/sheet1.xml": strToU8(sheet),
      "xl/sharedStrings.xml": strToU8('<x:sst xmlns:x="m"><x:si><x:t>行1_x000D_行2 &amp; 続き</x:t></x:si></x:sst>'),
    });
    const u = decodeFile("v.xlsx", xlsx, OPTIONS).units[0];
    expect(u.text).toBe("メモ\n行1 行2 & 続き");
    expect(u.locate!(u.text.indexOf("行2"))).toEqual({ line: 3, column: 2, pathSuffix: "B3" });
  });
});
