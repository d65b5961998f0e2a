/** Picks the delimiter of a CSV-like text from its first line: the most frequent of , \t ; | outside quotes. */
export function sniffDelimiter(source: string, fallback: string): string {
  const end = source.indexOf("\n");
  const line = source.slice(0, end < 0 ? Math.min(source.length, 65536) : Math.min(end, 65536));
  const counts = new Map<string, number>([[",", 0], ["\t", 0], [";", 0], ["|", 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = fallback;
  let bestCount = counts.get(fallback) ?? 0;
  for (const [d, c] of counts) if (c > bestCount) [best, bestCount] = [d, c];
  return best;
}
