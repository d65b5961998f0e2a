import { forEachXmlElement } from "./for-each-xml-element.js";
import { unescapeXml } from "./unescape-xml.js";

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of a SpreadsheetML string item (`<si>` or `<is>` content): its `<t>` runs joined, the
 * phonetic runs (`<rPh>`, furigana) left out as Excel shows them, XML entities and OOXML's
 * `_xHHHH_` escapes decoded. Linear in the text (forEachXmlElement), also when tags are unclosed.
 */
export function ooxmlRichText(xml: string): string {
  let out = "";
  // `<t>` inside a phonetic run is skipped: the walk goes past the whole `<rPh>` element.
  forEachXmlElement(xml, ["t", "rPh"], ({ name, body }) => {
    if (name === "t" && body !== undefined) out += body;
  });
  out = unescapeXml(out);
  return out.includes("_x") ? out.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : out;
}
