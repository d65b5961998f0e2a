/**
 * A file of exactly `size` bytes (UTF-8): `head`, then `filler` lines repeated, then `tail` as its
 * last line(s). Built with one allocation, so a 50 MB test file costs 50 MB. Returns the bytes and
 * the 1-based line on which `tail` starts.
 */
export function largeFile(size: number, o: { head?: string; filler: string; tail?: string }): { bytes: Uint8Array; tailLine: number } {
  const enc = new TextEncoder();
  const head = enc.encode(o.head ?? "");
  const tail = enc.encode(o.tail ?? "");
  const filler = enc.encode(o.filler.endsWith("\n") ? o.filler : `${o.filler}\n`);
  const room = size - head.length - tail.length;
  if (room < 0) throw new Error("largeFile: head and tail are longer than the size");
  const bytes = new Uint8Array(size);
  bytes.set(head, 0);
  let at = head.length;
  const whole = Math.floor(room / filler.length);
  for (let i = 0; i < whole; i++, at += filler.length) bytes.set(filler, at);
  // Pad the rest with spaces on a line of its own, so the tail starts a line.
  const pad = room - whole * filler.length;
  if (pad > 0) {
    bytes.fill(0x20, at, at + pad - 1);
    bytes[at + pad - 1] = 0x0a;
    at += pad;
  }
  bytes.set(tail, at);
  const newlines = (b: Uint8Array) => b.reduce((n, c) => n + (c === 0x0a ? 1 : 0), 0);
  return { bytes, tailLine: newlines(head) + whole + (pad > 0 ? 1 : 0) + 1 };
}
