import { Gunzip } from "fflate";

class TooLarge extends Error {}

/**
 * Gunzips with a hard cap on the output: inflates in 16 KiB input slices and stops as soon as
 * the output passes `limit` (a gzip bomb never gets allocated). Returns undefined when over the
 * limit; throws on corrupt data.
 */
export function gunzipBounded(bytes: Uint8Array, limit: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const g = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    const step = 16 * 1024;
    for (let i = 0; i < bytes.length; i += step) g.push(bytes.subarray(i, i + step), i + step >= bytes.length);
  } catch (e) {
    if (e instanceof TooLarge) return undefined;
    throw e;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
