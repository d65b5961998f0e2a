/** One content line of a vCard (RFC 6350 / 2426 / vCard 2.1) or iCalendar (RFC 5545) file. */
export interface ContentLine {
  /** Property name, upper case, without its group (`item1.TEL` gives `TEL`). */
  name: string;
  /** Parameters, names upper case; each value with the offset of its first character in the source. */
  params: { name: string; value: string; offset: number }[];
  /** The value, unfolded (continuation lines joined), as written (not unescaped). */
  value: string;
  /** Offset of the value's first character in the source. */
  offset: number;
  /** False when the value was folded over several lines: offsets inside it are not exact. */
  contiguous: boolean;
}

/**
 * Splits vCard / iCalendar text into content lines `[group.]NAME[;PARAM=V…]:value`, unfolding
 * continuation lines (a line starting with a space or a tab) and vCard 2.1 quoted-printable soft
 * breaks (a value ending in "="). Lines that are not content lines are skipped.
 */
export function parseContentLines(source: string): ContentLine[] {
  const out: ContentLine[] = [];
  const lines: { text: string; start: number }[] = [];
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf("\n", start);
    if (end < 0) end = source.length;
    const text = source.slice(start, end).replace(/\r$/, "");
    const prev = lines[lines.length - 1];
    if (prev && (text.startsWith(" ") || text.startsWith("\t"))) prev.text += `\u0000${text.slice(1)}`;
    else if (prev && /=$/.test(prev.text) && /ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(prev.text.slice(0, prev.text.indexOf(":") + 1))) prev.text = `${prev.text.slice(0, -1)}\u0000${text}`;
    else lines.push({ text, start });
    if (end === source.length) break;
    start = end + 1;
  }
  for (const { text, start: lineStart } of lines) {
    const m = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)((?:;[^:]*)?):/.exec(text);
    if (!m) continue;
    const params: ContentLine["params"] = [];
    const paramText = m[2];
    const re = /;([A-Za-z0-9-]+)(?:=("[^"]*"|[^;:]*))?/g;
    let p: RegExpExecArray | null;
    while ((p = re.exec(paramText)) !== null) {
      const raw = p[2] ?? "";
      const quoted = raw.startsWith('"');
      const paramStart = lineStart + m[0].length - 1 - paramText.length + p.index;
      const valueOffset = paramStart + 1 + p[1].length + 1 + (quoted ? 1 : 0);
      if (p[2] === undefined) params.push({ name: "TYPE", value: p[1], offset: paramStart + 1 });
      else params.push({ name: p[1].toUpperCase(), value: quoted ? raw.slice(1, -1) : raw, offset: valueOffset });
    }
    const rawValue = text.slice(m[0].length);
    out.push({
      name: m[1].toUpperCase(),
      params,
      value: rawValue.replace(/\u0000/g, ""),
      offset: lineStart + m[0].length,
      contiguous: !rawValue.includes("\u0000"),
    });
  }
  return out;
}
