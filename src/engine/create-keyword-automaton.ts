/**
 * One pass over a text that reports which keywords occur (Aho–Corasick as a dense DFA).
 * ASCII letters are folded to lower case; every character that occurs in some keyword gets its
 * own column, every other character one shared "other" column. The scan is a single table
 * lookup per UTF-16 code unit, whatever the number of keywords.
 */
export interface KeywordAutomaton {
  /** Calls `hit(id, end)` for every occurrence of a keyword (`end`: offset just past it). */
  scan(text: string, hit: (id: number, end: number) => void): void;
  readonly size: number;
}

export function createKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  if (new Set(keywords.map(foldAscii)).size !== keywords.length) throw new Error("keywords must be distinct after case folding");
  const folded = keywords.map((k) => foldAscii(k));
  // Alphabet: column 0 for every character no keyword holds, one column per character a keyword holds.
  const charClass = new Uint16Array(65536);
  let columns = 1;
  let length = 0;
  for (const k of folded) {
    length += k.length;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (charClass[c] === 0) charClass[c] = columns++;
    }
  }
  for (let c = 65; c <= 90; c++) charClass[c] = charClass[c + 32]; // text's upper case reads as lower

  // Trie in a flat table (-1: no edge); at most one state per keyword character, plus the root.
  let table = new Int32Array((length + 1) * columns).fill(-1);
  const outputs: number[][] = [[]];
  let states = 1;
  folded.forEach((k, id) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const at = s * columns + charClass[k.charCodeAt(i)];
      if (table[at] === -1) {
        table[at] = states++;
        outputs.push([]);
      }
      s = table[at];
    }
    outputs[s].push(id);
  });
  table = table.slice(0, states * columns);

  // Failure links, breadth first, turning the trie into a full DFA.
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let col = 0; col < columns; col++) {
    const t = table[col];
    if (t === -1) table[col] = 0;
    else {
      fail[t] = 0;
      queue[tail++] = t;
    }
  }
  for (let head = 0; head < tail; head++) {
    const s = queue[head];
    const f = fail[s];
    if (outputs[f].length > 0) outputs[s] = outputs[s].concat(outputs[f]);
    const row = s * columns;
    const failRow = f * columns;
    for (let col = 0; col < columns; col++) {
      const t = table[row + col];
      if (t === -1) table[row + col] = table[failRow + col];
      else {
        fail[t] = table[failRow + col];
        queue[tail++] = t;
      }
    }
  }

  const hasOutput = new Uint8Array(states);
  for (let s = 0; s < states; s++) hasOutput[s] = outputs[s].length > 0 ? 1 : 0;

  return {
    size: keywords.length,
    scan(text: string, hit: (id: number, end: number) => void): void {
      if (keywords.length === 0) return;
      let s = 0;
      for (let i = 0, n = text.length; i < n; i++) {
        s = table[s * columns + charClass[text.charCodeAt(i)]];
        if (hasOutput[s] === 1) for (const id of outputs[s]) hit(id, i + 1);
      }
    },
  };
}

function foldAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
