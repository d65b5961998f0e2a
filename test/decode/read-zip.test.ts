import { deflateSync, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { listZipEntries } from "../../src/decode/list-zip-entries.js";
import { OPTIONS } from "./helpers.js";

/**
 * A zip whose central directory lists `count` entries that all point at one local header and
 * one deflate stream of `inflated` bytes, each declaring only `declared` bytes: the layout of
 * issue 11, item 11 (a 363 KB file kept a reader inflating the whole stream once per entry).
 */
function overlappingZip(count: number, inflated: number, declared: number): Uint8Array {
  const stream = deflateSync(new Uint8Array(inflated).fill(0x41), { level: 9 });
  const name = strToU8("a.txt");
  const local = new Uint8Array(30 + name.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true); // deflate
  lv.setUint32(18, stream.length, true);
  lv.setUint32(22, declared, true);
  lv.setUint16(26, name.length, true);
  local.set(name, 30);
  const central: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const entryName = strToU8(`e${i}.txt`);
    const c = new Uint8Array(46 + entryName.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(20, stream.length, true);
    cv.setUint32(24, declared, true);
    cv.setUint16(28, entryName.length, true);
    cv.setUint32(42, 0, true); // every entry: the same local header
    c.set(entryName, 46);
    central.push(c);
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count, true);
  ev.setUint16(10, count, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, local.length + stream.length, true);
  const out = new Uint8Array(local.length + stream.length + cdSize + 22);
  out.set(local, 0);
  out.set(stream, local.length);
  let at = local.length + stream.length;
  for (const c of central) out.set(c, (at += c.length) - c.length);
  out.set(end, at);
  return out;
}

describe("readZip against hostile layouts (issue 11, item 11)", () => {
  it("entries that share one deflate stream are listed as overlapping, none is inflated", () => {
    const zip = overlappingZip(400, 8 << 20, 100);
    expect(zip.length).toBeLessThan(64 * 1024);
    const r = decodeFile("bomb.zip", zip, OPTIONS);
    expect(r.units).toEqual([]);
    expect(r.skipped.length).toBeGreaterThan(0);
    for (const s of r.skipped) expect(s.reason).toMatch(/^overlapping zip entries \(possible zip bomb\)$|archive entry limit reached$/);
    expect(r.skipped.filter((s) => s.reason.startsWith("overlapping")).length).toBe(Math.min(400, OPTIONS.maxArchiveEntries ?? 400));
  });

  it("an entry that inflates past its declared size is cut there and listed as partly read", () => {
    const z = zipSync({ "a.txt": new Uint8Array(5 << 20).fill(65) }, { level: 9 });
    const dv = new DataView(z.buffer, z.byteOffset, z.byteLength);
    dv.setUint32(22, 100, true); // local header: uncompressed size
    for (let i = 0; i < z.length - 4; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 100, true); // central directory
    const r = decodeFile("lie.zip", z, OPTIONS);
    expect(r.units.map((u) => [u.path, u.text.length])).toEqual([["lie.zip!a.txt", 100]]);
    expect(r.skipped).toEqual([{ path: "lie.zip!a.txt", reason: "partly read: inflates past its declared 100 bytes (possible zip bomb)" }]);
  });

  it("lists what fflate lists for an ordinary zip, with where each entry's data lies", () => {
    const z = zipSync({ "a.txt": strToU8("hello"), "dir/b.csv": strToU8("x,y\n1,2\n"), "empty/": new Uint8Array(0) }, { level: 0 });
    const entries = listZipEntries(z);
    expect(entries.map((e) => [e.name, e.originalSize])).toEqual([["a.txt", 5], ["dir/b.csv", 8], ["empty/", 0]]);
    for (const e of entries) expect(new TextDecoder().decode(z.subarray(e.dataOffset, e.dataOffset + e.size)).length).toBe(e.originalSize);
    const r = decodeFile("ok.zip", z, OPTIONS);
    expect(r.skipped).toEqual([]);
    expect(r.units.map((u) => u.path).sort()).toEqual(["ok.zip!a.txt", "ok.zip!dir/b.csv"]);
  });
});
