/** One element as found by forEachXmlElement. */
export interface XmlElement {
  /** The tag's local name (one of the names asked for). */
  name: string;
  /** Text between the name and the end of the start tag (`/` of a self-closing tag left out). */
  attrs: string;
  /** Text between the start and the end tag; undefined for a self-closing tag. */
  body: string | undefined;
  /** Offsets of the element in the text: `<` of the start tag, and just after its end tag. */
  start: number;
  end: number;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Calls `onElement` for each element named one of `names` (any namespace prefix, or exactly
 * `prefix` when given), in order, without a DOM: a start tag, its attributes up to the first `>`,
 * then its body up to the first end tag of the same name — or up to the next start tag of that
 * name when that comes first (an unclosed `<row>` ends where the next `<row>` begins; elements of
 * one name are not nested in the parts read here). Returning `false` stops the walk. Linear in
 * the text, also on hostile input: each search for a `>`, an end tag or a next start tag resumes
 * where the last one stopped, or is not repeated once known to fail (a regular expression like
 * `<row>([\s\S]*?)</row>` rescans to the end for each unclosed `<row>`: 0.5 MB took 75 s).
 */
export function forEachXmlElement(xml: string, names: readonly string[], onElement: (element: XmlElement) => boolean | void, prefix?: string): void {
  const p = prefix === undefined ? "(?:[\\w.-]+:)?" : `${escapeRe(prefix)}:`;
  const startTag = new RegExp(`<${p}(${names.map(escapeRe).join("|")})(?=[\\s/>])`, "g");
  const searches = new Map<string, { end: Search; next: Search }>();
  let gt = -1;
  let m: RegExpExecArray | null;
  while ((m = startTag.exec(xml)) !== null) {
    const name = m[1];
    const afterName = m.index + m[0].length;
    if (gt < afterName) gt = xml.indexOf(">", afterName);
    if (gt === -1) return; // no start tag can end any more
    const selfClosing = gt > afterName && xml.charCodeAt(gt - 1) === 0x2f;
    const attrs = xml.slice(afterName, selfClosing ? gt - 1 : gt);
    if (selfClosing) {
      if (onElement({ name, attrs, body: undefined, start: m.index, end: gt + 1 }) === false) return;
      startTag.lastIndex = gt + 1;
      continue;
    }
    let s = searches.get(name);
    if (!s) searches.set(name, (s = { end: search(xml, `</${p}${escapeRe(name)}>`), next: search(xml, `<${p}${escapeRe(name)}(?=[\\s/>])`) }));
    const end = s.end(gt + 1);
    const next = s.next(gt + 1);
    if (end && (!next || end.at < next.at)) {
      if (onElement({ name, attrs, body: xml.slice(gt + 1, end.at), start: m.index, end: end.at + end.length }) === false) return;
      startTag.lastIndex = end.at + end.length;
    } else if (next) {
      // Unclosed: it ends where the next element of its name begins.
      if (onElement({ name, attrs, body: xml.slice(gt + 1, next.at), start: m.index, end: next.at }) === false) return;
      startTag.lastIndex = next.at;
    }
    // Neither an end tag nor another start tag follows: an unclosed last element is left out.
  }
}

type Search = (from: number) => { at: number; length: number } | undefined;

/** The first match of `pattern` at or after `from`, for ever larger `from`: each part of the text is searched once. */
function search(xml: string, pattern: string): Search {
  const re = new RegExp(pattern, "g");
  let last: { at: number; length: number } | undefined;
  let searchedFrom = Infinity;
  let exhaustedFrom = Infinity;
  return (from) => {
    if (from >= exhaustedFrom) return undefined;
    if (last && last.at >= from && from >= searchedFrom) return last;
    re.lastIndex = from;
    const m = re.exec(xml);
    searchedFrom = from;
    if (!m) {
      exhaustedFrom = from;
      last = undefined;
      return undefined;
    }
    last = { at: m.index, length: m[0].length };
    return last;
  };
}
