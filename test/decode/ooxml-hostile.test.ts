import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { forEachXmlElement } from "../../src/decode/for-each-xml-element.js";
import { OPTIONS, dummyToken } from "./helpers.js";

// Issue 11, item 11: workbooks and documents with unclosed `<si>`, `<row>`, `<c>`, `<w:p>`,
// `<w:t>` made the regular-expression readers rescan to the end of the part for each start tag
// (0.5 MB → 75 s). These files hold a readable value, then 0.5 MB of start tags that no end tag
// follows: read linearly, the value is found and the file decoded (the quadratic reader did not
// finish within the test timeout).
const SIZE = 512 * 1024; // 0.5 MB: 75 s for the old readers
const repeat = (piece: string, bytes: number) => piece.repeat(Math.ceil(bytes / piece.length));

function workbook(sharedStrings: string, sheet: string): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/sharedStrings.xml": strToU8(sharedStrings),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  }, { level: 0 }); // stored: such repetitive XML would otherwise be refused for its compression ratio
}

describe("OOXML readers on unclosed tags (issue 11, item 11)", () => {
  it("xlsx: a real cell, then 0.5 MB of unclosed <si> and <row>", () => {
    const token = dummyToken();
    const sst = `<sst><si><t>${token}</t></si>${repeat("<si><t>a", SIZE)}</sst>`;
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x ${token}</t></is></c></row>${repeat("<row><c>", SIZE)}</sheetData></worksheet>`;
    const r = decodeFile("book.xlsx", workbook(sst, sheet), OPTIONS);
    expect(r.skipped).toEqual([]);
    expect(r.units.map((u) => u.text).join("\n")).toContain(`x ${token}`);
  });

  it("xlsx: a real cell, then 0.5 MB of unclosed <c> and <v> inside its row", () => {
    const token = dummyToken();
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${token}</t></is></c>${repeat("<c><v>1", SIZE)}</row></sheetData></worksheet>`;
    const r = decodeFile("cells.xlsx", workbook("<sst/>", sheet), OPTIONS);
    expect(r.skipped).toEqual([]);
    expect(r.units.map((u) => u.text).join("\n")).toContain(token);
  });

  it("docx: a paragraph, then 0.5 MB of unclosed <w:p> and <w:t>", () => {
    const token = dummyToken();
    const body = `<w:p><w:r><w:t>${token}</w:t></w:r></w:p>${repeat("<w:p><w:r><w:t ", SIZE)}`;
    const r = decodeFile("memo.docx", zipSync({ "word/document.xml": strToU8(`<w:document><w:body>${body}</w:body></w:document>`) }, { level: 0 }), OPTIONS);
    expect(r.skipped).toEqual([]);
    expect(r.units[0].text).toContain(token);
  });

  it("pptx: a paragraph, then 0.5 MB of unclosed <a:p> and <a:t>", () => {
    const token = dummyToken();
    const slide = `<p:sld><a:p><a:r><a:t>${token}</a:t></a:r></a:p>${repeat("<a:p><a:r><a:t>", SIZE)}</p:sld>`;
    const r = decodeFile("deck.pptx", zipSync({ "ppt/slides/slide1.xml": strToU8(slide) }, { level: 0 }), OPTIONS);
    expect(r.skipped).toEqual([]);
    expect(r.units[0].text).toContain(token);
  });
});

describe("forEachXmlElement", () => {
  const all = (xml: string, names: string[], prefix?: string) => {
    const out: [string, string, string | undefined][] = [];
    forEachXmlElement(xml, names, (e) => void out.push([e.name, e.attrs, e.body]), prefix);
    return out;
  };
  it("reads elements with attributes, prefixes, self-closing tags and entities left as they are", () => {
    expect(all('<x:row r="1"><c>a</c></x:row><row/><row r="3">b&amp;</row>', ["row"])).toEqual([
      ["row", ' r="1"', "<c>a</c>"],
      ["row", "", undefined],
      ["row", ' r="3"', "b&amp;"],
    ]);
    expect(all("<w:t>a</w:t><w:tab/><a:t>no</a:t><w:tbl>x</w:tbl>", ["t", "tab"], "w")).toEqual([
      ["t", "", "a"],
      ["tab", "", undefined],
    ]);
  });
  it("ends an unclosed element where the next one of its name begins; leaves out an unclosed last one", () => {
    expect(all("<si>a<si>b</si><si>c", ["si"])).toEqual([
      ["si", "", "a"],
      ["si", "", "b"],
    ]);
    expect(all("<row <row r='2'/>", ["row"])).toEqual([["row", " <row r='2'", undefined]]);
  });
  it("stops when the callback returns false", () => {
    let n = 0;
    forEachXmlElement("<v>1</v><v>2</v>", ["v"], () => (n++, false));
    expect(n).toBe(1);
  });
});

describe("an archive's time budget", () => {
  it("past MAMORI_ZIP_TIME_LIMIT_MS the remaining entries are listed as skipped, with the reason", () => {
    const entries = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`f${i}.txt`, strToU8(`line ${i}\n`.repeat(400))]));
    const zip = zipSync(entries);
    process.env.MAMORI_ZIP_TIME_LIMIT_MS = "1";
    try {
      const r = decodeFile("many.zip", zip, OPTIONS);
      const late = r.skipped.filter((s) => s.reason === "archive time limit reached (0.001 s)");
      expect(late.length).toBeGreaterThan(0);
      expect(r.units.length + r.skipped.length).toBe(3000);
    } finally {
      delete process.env.MAMORI_ZIP_TIME_LIMIT_MS;
    }
  });
});
