/** 1-based line and 1-based column counted in code points. */
export interface LineColumn {
  line: number;
  column: number;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Maps UTF-16 offsets of `source` to 1-based lines (split on "\n"; "\r\n" counts as one break)
 * and 1-based columns counted in code points, so an astral character (𠮷, emoji) is one column.
 * The line-start table (Int32Array) is built on the first call. `mayHaveSurrogates` false (known
 * from the bytes: Shift_JIS, EUC-JP, UTF-8 without 4-byte sequences) spares a scan for them.
 */
export function createLineLocator(source: string, mayHaveSurrogates = true): (offset: number) => LineColumn {
  let starts: Int32Array | undefined;
  let hasSurrogates = false;
  const build = (): Int32Array => {
    let arr = new Int32Array(1024);
    let count = 1;
    arr[0] = 0;
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) {
      if (count === arr.length) {
        const next = new Int32Array(arr.length * 2);
        next.set(arr);
        arr = next;
      }
      arr[count++] = i + 1;
    }
    hasSurrogates = mayHaveSurrogates && SURROGATE.test(source);
    return arr.subarray(0, count);
  };
  return (offset: number): LineColumn => {
    starts ??= build();
    const o = offset < 0 ? 0 : offset > source.length ? source.length : offset;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo];
    if (!hasSurrogates) return { line: lo + 1, column: o - start + 1 };
    let column = 1;
    for (let i = start; i < o; i++) {
      const c = source.charCodeAt(i);
      // a low surrogate that follows a high surrogate is part of the same code point
      if (c >= 0xdc00 && c <= 0xdfff && i > start) {
        const p = source.charCodeAt(i - 1);
        if (p >= 0xd800 && p <= 0xdbff) continue;
      }
      column++;
    }
    return { line: lo + 1, column };
  };
}
