/** A unified diff (GitHub's `patch` format: hunks only, 3 lines of context) of two texts, for the simulated GitHub. */
export function unifiedDiff(before: string, after: string, context = 3): string {
  const a = splitLines(before);
  const b = splitLines(after);
  // LCS table (tests use small files).
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { t: " " | "-" | "+"; text: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ t: " ", text: a[i], ai: i++, bi: j++ });
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push({ t: "+", text: b[j], ai: i, bi: j++ });
    else ops.push({ t: "-", text: a[i], ai: i++, bi: j });
  }
  const out: string[] = [];
  let k = 0;
  while (k < ops.length) {
    while (k < ops.length && ops[k].t === " ") k++;
    if (k >= ops.length) break;
    let start = Math.max(0, k - context);
    let end = k;
    // extend while changes are within 2*context of each other
    for (let x = k; x < ops.length; x++) {
      if (ops[x].t !== " ") end = x;
      else if (x - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    const oldLines = slice.filter((o) => o.t !== "+").length;
    const newLines = slice.filter((o) => o.t !== "-").length;
    const first = slice[0];
    const oldStart = oldLines === 0 ? first.ai : first.ai + 1;
    const newStart = newLines === 0 ? first.bi : first.bi + 1;
    out.push(`@@ -${oldStart},${oldLines} +${newStart},${newLines} @@`);
    for (const o of slice) out.push(o.t + o.text);
    k = stop;
    start = stop;
  }
  return out.join("\n");
}

function splitLines(s: string): string[] {
  if (s === "") return [];
  const lines = s.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
