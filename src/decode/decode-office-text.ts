import type { TextUnit } from "../engine/types.js";
import { forEachXmlElement } from "./for-each-xml-element.js";
import { makeTextUnit } from "./make-text-unit.js";
import { unescapeXml } from "./unescape-xml.js";

/**
 * Paragraph texts of a WordprocessingML (w:) or DrawingML (a:) part, one string per paragraph,
 * without newlines. Linear in the text (forEachXmlElement), also when paragraphs are unclosed.
 */
function paragraphsOf(xml: string, ns: "w" | "a"): string[] {
  const out: string[] = [];
  forEachXmlElement(
    xml,
    ["p"],
    ({ body }) => {
      let text = "";
      if (body !== undefined) {
        forEachXmlElement(
          body,
          ["t", "tab"],
          ({ name, body: run }) => {
            if (name === "tab") text += "\t";
            else if (run !== undefined && !run.includes("<")) text += unescapeXml(run);
          },
          ns,
        );
      }
      out.push(text.replace(/[\r\n]/g, " "));
    },
    ns,
  );
  return out;
}

const utf8 = new TextDecoder("utf-8");

const DOCX_PARTS = /^word\/(header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;
const byNumber = (a: string, b: string): number => a.localeCompare(b, "en", { numeric: true });
const stem = (part: string): string => part.replace(/^.*\/|\.xml$/g, "");

/**
 * Text of .docx and .pptx packages, each paragraph one line (so `line` is the paragraph number,
 * 1-based, empty ones counted, and `column` the character within it). .docx: the body as
 * `memo.docx`, and headers, footers, footnotes, endnotes and comments as `memo.docx!header1`,
 * `memo.docx!comments`…; .pptx: one unit per slide (`deck.pptx!slide3`) and per speaker-notes
 * page (`deck.pptx!notes3`).
 */
export function decodeOfficeText(path: string, files: ReadonlyMap<string, Uint8Array>): TextUnit[] {
  const text = (part: string, ns: "w" | "a"): string => paragraphsOf(utf8.decode(files.get(part)!), ns).join("\n");
  const doc = files.get("word/document.xml");
  if (doc) {
    const extra = [...files.keys()].filter((n) => DOCX_PARTS.test(n)).sort(byNumber);
    return [makeTextUnit(path, text("word/document.xml", "w")), ...extra.map((n) => makeTextUnit(`${path}!${stem(n)}`, text(n, "w")))];
  }
  const slides = [...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort(byNumber);
  const notes = [...files.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).sort(byNumber);
  return [
    ...slides.map((n) => makeTextUnit(`${path}!${stem(n)}`, text(n, "a"))),
    ...notes.map((n) => makeTextUnit(`${path}!${stem(n).replace("notesSlide", "notes")}`, text(n, "a"))),
  ];
}
