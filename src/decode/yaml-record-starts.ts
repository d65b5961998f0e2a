const KEY = `(?:"[^"\\n]{1,100}"|'[^'\\n]{1,100}'|[^\\s"':#-][^"':#\\n]{0,99})`;
const LIST_MAP_ITEM = new RegExp(`^( *)- +${KEY}:(?:\\s|$)`);
const TOP_KEY = new RegExp(`^${KEY}:[ \\t]*(?:#.*)?$`);
const CHILD_KEY = new RegExp(`^ +(?:- +)?${KEY}:(?:\\s|$)`);

/**
 * The records of a YAML document that holds them, as source offsets (start, end):
 * - the mapping items of the shallowest list of mappings (`- name: …` / Django fixtures'
 *   `- model: … fields: …`, seed lists under one key), when there are any;
 * - else the top-level keys whose value is a mapping (Rails fixtures: `alice:` then indented
 *   `name: …`), when there are at least two.
 * - else each schema of an OpenAPI / JSON Schema document (the mapping holding `properties:`).
 * Empty when the document holds none of these (a config file of scalars).
 */
export function yamlRecordStarts(source: string): { starts: Int32Array; ends: Int32Array } {
  const lines: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i <= source.length; ) {
    const nl = source.indexOf("\n", i);
    const end = nl < 0 ? source.length : nl;
    lines.push({ start: i, end, text: source.slice(i, Math.min(end, i + 400)) });
    if (nl < 0) break;
    i = nl + 1;
  }
  const indentOf = (t: string): number => /^ */.exec(t)![0].length;
  const blank = (t: string): boolean => t.trim() === "" || t.trimStart().startsWith("#") || t.startsWith("---");
  let listIndent = Infinity;
  for (const l of lines) {
    const m = LIST_MAP_ITEM.exec(l.text);
    if (m) listIndent = Math.min(listIndent, m[1].length);
  }
  const starts: number[] = [];
  const ends: number[] = [];
  const close = (from: number, indent: number, sameLevelItem: boolean): number => {
    for (let k = from + 1; k < lines.length; k++) {
      const t = lines[k].text;
      if (blank(t)) continue;
      const ind = indentOf(t);
      if (ind < indent || (ind === indent && (!sameLevelItem || t.slice(ind).startsWith("-")))) return lines[k].start;
    }
    return source.length;
  };
  if (listIndent !== Infinity) {
    lines.forEach((l, k) => {
      const m = LIST_MAP_ITEM.exec(l.text);
      if (!m || m[1].length !== listIndent) return;
      starts.push(l.start);
      ends.push(close(k, listIndent, true));
    });
  } else {
    lines.forEach((l, k) => {
      if (!TOP_KEY.test(l.text)) return;
      let n = k + 1;
      while (n < lines.length && blank(lines[n].text)) n++;
      if (n >= lines.length || !CHILD_KEY.test(lines[n].text)) return;
      starts.push(l.start);
      ends.push(close(k, 0, false));
    });
    if (starts.length < 2) {
      starts.length = 0;
      ends.length = 0;
      // OpenAPI / JSON Schema: each schema (the mapping that holds `properties:`) is one record,
      // so the examples of its properties (name, kana, birth date) are one person's
      lines.forEach((l, k) => {
        const m = /^( *)properties:[ \t]*(?:#.*)?$/.exec(l.text);
        if (!m) return;
        const ind = m[1].length;
        let p = k - 1;
        while (p >= 0 && (blank(lines[p].text) || indentOf(lines[p].text) >= ind)) p--;
        if (p < 0 || (ends.length > 0 && lines[p].start < ends[ends.length - 1])) return;
        starts.push(lines[p].start);
        ends.push(close(p, indentOf(lines[p].text), false));
      });
    }
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}
