import { unescapeXml } from "./unescape-xml.js";

const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of a SpreadsheetML string item (`<si>` or `<is>` content): its `<t>` runs joined, the
 * phonetic runs (`<rPh>`, furigana) left out as Excel shows them, XML entities and OOXML's
 * `_xHHHH_` escapes decoded.
 */
export function ooxmlRichText(xml: string): string {
  const body = xml.includes("rPh") ? xml.replace(PHONETIC, "") : xml;
  let out = "";
  TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TEXT.exec(body)) !== null) out += m[1];
  out = unescapeXml(out);
  return out.includes("_x") ? out.replace(OOXML_ESCAPE, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : out;
}
