/** Offsets of the record elements of an XML export: `starts[i]` ≤ offset < `ends[i]` is record i. */
export interface XmlRecords {
  name: string;
  starts: number[];
  ends: number[];
}

const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)([A-Za-z_][\w:.-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

interface Open {
  name: string;
  path: string;
  start: number;
  children: number;
}

/**
 * The rows of an XML export: the elements that repeat as siblings under one parent
 * (<customers><customer>…</customer><customer>…) and have child elements of their own (the
 * columns). Of several such groups the one with the most elements wins (the shallower on a tie).
 * One linear pass over the tags, no DOM; undefined when no element repeats with children.
 */
export function findXmlRecords(xml: string): XmlRecords | undefined {
  const stack: Open[] = [];
  // Open elements per name: an end tag with none open is skipped without walking the stack
  // (thousands of stray end tags would make the walk quadratic); a matching one pops what it closes.
  const openCount = new Map<string, number>();
  const groups = new Map<string, { name: string; depth: number; starts: number[]; ends: number[] }>();
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    const name = m[2];
    if (name === undefined) continue; // comment, CDATA, declaration, processing instruction
    if (m[1] === "/") {
      // Close the innermost open element of this name (unclosed ones inside it end here too).
      if (!openCount.get(name)) continue;
      let i = stack.length - 1;
      while (stack[i].name !== name) i--;
      const open = stack[i];
      for (let j = i; j < stack.length; j++) openCount.set(stack[j].name, openCount.get(stack[j].name)! - 1);
      stack.length = i;
      if (open.children > 0) {
        const key = `${open.path}/${name}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { name, depth: i, starts: [], ends: [] }));
        g.starts.push(open.start);
        g.ends.push(m.index + m[0].length);
      }
      continue;
    }
    if (stack.length > 0) stack[stack.length - 1].children++;
    if (m[3] === "/") continue; // self-closing: a leaf
    const parent = stack.length > 0 ? stack[stack.length - 1].path : "";
    stack.push({ name, path: `${parent}/${name}`, start: m.index, children: 0 });
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  }
  let best: { name: string; depth: number; starts: number[]; ends: number[] } | undefined;
  for (const g of groups.values()) {
    if (g.starts.length < 2) continue;
    if (!best || g.starts.length > best.starts.length || (g.starts.length === best.starts.length && g.depth < best.depth)) best = g;
  }
  return best && { name: best.name, starts: best.starts, ends: best.ends };
}

/** Index of the record holding `offset`, or -1 (binary search over the sorted record starts). */
export function xmlRecordAt(records: XmlRecords, offset: number): number {
  let lo = 0;
  let hi = records.starts.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (records.starts[mid] <= offset) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at >= 0 && offset < records.ends[at] ? at : -1;
}
