/**
 * One pass over a text that reports which keywords occur (Aho–Corasick as a dense DFA).
 * ASCII letters are folded to lower case; every non-ASCII character that occurs in some
 * keyword gets its own column, every other character one shared "other" column. The scan is
 * a single table lookup per UTF-16 code unit, whatever the number of keywords.
 */
export interface KeywordAutomaton {
  /** Calls `hit(id, end)` for every occurrence of a keyword (`end`: offset just past it). */
  scan(text: string, hit: (id: number, end: number) => void): void;
  readonly size: number;
}

export function createKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  if (new Set(keywords.map(foldAscii)).size !== keywords.length) throw new Error("keywords must be distinct after case folding");
  const folded = keywords.map((k) => foldAscii(k));
  // Alphabet: 0..127 ASCII (folded), then one column per non-ASCII keyword char, then "other".
  const charClass = new Uint16Array(65536);
  let columns = 128;
  for (const k of folded) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c >= 128 && charClass[c] === 0) charClass[c] = columns++;
    }
  }
  const other = columns++;
  for (let c = 128; c < 65536; c++) if (charClass[c] === 0) charClass[c] = other;
  for (let c = 0; c < 128; c++) charClass[c] = c >= 65 && c <= 90 ? c + 32 : c;

  // Trie.
  const next: number[][] = [new Array(columns).fill(-1)];
  const outputs: number[][] = [[]];
  folded.forEach((k, id) => {
    let s = 0;
    for (let i = 0; i < k.length; i++) {
      const col = charClass[k.charCodeAt(i)];
      if (next[s][col] === -1) {
        next[s][col] = next.length;
        next.push(new Array(columns).fill(-1));
        outputs.push([]);
      }
      s = next[s][col];
    }
    outputs[s].push(id);
  });

  // Failure links, breadth first, turning the trie into a full DFA.
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let col = 0; col < columns; col++) {
    const t = next[0][col];
    if (t === -1) next[0][col] = 0;
    else {
      fail[t] = 0;
      queue.push(t);
    }
  }
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi];
    outputs[s] = outputs[s].concat(outputs[fail[s]]);
    for (let col = 0; col < columns; col++) {
      const t = next[s][col];
      if (t === -1) next[s][col] = next[fail[s]][col];
      else {
        fail[t] = next[fail[s]][col];
        queue.push(t);
      }
    }
  }

  const states = next.length;
  const table = new Int32Array(states * columns);
  for (let s = 0; s < states; s++) for (let col = 0; col < columns; col++) table[s * columns + col] = next[s][col];
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
