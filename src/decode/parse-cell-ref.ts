/** Parses a cell reference such as "C12" into 1-based row and column; undefined when malformed. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case letters
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === start || i - start > 3) return undefined;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  const digits = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    row = row * 10 + (c - 48);
  }
  if (i === digits || i - digits > 7 || row === 0) return undefined;
  return { row, col };
}
