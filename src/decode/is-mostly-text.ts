/**
 * True when at least `min` (default 90%) of the bytes are text: printable ASCII, tab, line
 * breaks, form feed, ESC (ISO-2022-JP) or part of a valid UTF-8 sequence. NUL and other control
 * bytes, and bytes of broken UTF-8, are not. Looks at the whole file (stops as soon as the
 * non-text share can no longer stay under the limit), so text hidden behind a binary magic
 * number or a few NUL bytes at the start is still recognised as text.
 */
export function isMostlyText(bytes: Uint8Array, min = 0.9): boolean {
  const n = bytes.length;
  if (n === 0) return true;
  const maxBad = Math.floor(n * (1 - min));
  let bad = 0;
  for (let i = 0; i < n; ) {
    const b = bytes[i];
    if (b < 0x80) {
      if (!((b >= 0x20 && b < 0x7f) || (b >= 9 && b <= 13) || b === 0x1b) && ++bad > maxBad) return false;
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) i += len;
    else {
      if (++bad > maxBad) return false;
      i++;
    }
  }
  return true;
}
