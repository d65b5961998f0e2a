/** Line starts of a text, built once, for offset → (line, column-in-code-points) lookups. */
export interface LineIndex {
  /** 0-based line of an offset. */
  lineOf(offset: number): number;
  /** 1-based column of an offset on a 0-based line, counted in code points. */
  columnOf(line: number, offset: number): number;
  /** The text of a 0-based line, without its line break. */
  lineText(line: number): string;
  /** Offset of the first character of a 0-based line. */
  lineStart(line: number): number;
  /** Offset of the line break ending a 0-based line (or the text's length). */
  lineEnd(line: number): number;
  /** Number of lines. */
  count(): number;
}

export function createLineIndex(text: string): LineIndex {
  let starts: Int32Array | undefined;
  const build = (): Int32Array => {
    let n = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
    const s = new Int32Array(n);
    let k = 1;
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) s[k++] = i + 1;
    return s;
  };
  const get = () => (starts ??= build());
  return {
    lineOf(offset) {
      const s = get();
      let lo = 0;
      let hi = s.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
    columnOf(line, offset) {
      const start = get()[line];
      let col = 1;
      for (let i = start; i < offset; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) i++;
        col++;
      }
      return col;
    },
    lineStart(line) {
      return get()[line];
    },
    lineEnd(line) {
      const s = get();
      return line + 1 < s.length ? s[line + 1] - 1 : text.length;
    },
    count() {
      return get().length;
    },
    lineText(line) {
      const s = get();
      if (line < 0 || line >= s.length) return "";
      const end = line + 1 < s.length ? s[line + 1] - 1 : text.length;
      return text.slice(s[line], end).replace(/\r$/, "");
    },
  };
}
