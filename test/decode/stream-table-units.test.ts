import { describe, expect, it } from "vitest";
import { rowBatches, streamableTableKind, streamTableUnits } from "../../src/decode/stream-table-units.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** `bytes` cut into chunks of `size` bytes (the last shorter). */
function cut(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.slice(at, at + size));
  return out;
}

describe("rowBatches", () => {
  it("never ends a batch inside a quoted CSV field that holds a line feed, whatever the chunk size", () => {
    const csv = 'id,memo\n1,"first line\nsecond line"\n2,"a ""quoted"" word\nand more"\n3,plain\n';
    const bytes = enc.encode(csv);
    for (const size of [1, 2, 3, 5, 7, 11, 64]) {
      const batches = [...rowBatches(cut(bytes, size), true, 4)].map((b) => dec.decode(b));
      expect(batches.join("")).toBe(csv);
      // every batch is whole rows: an even number of quotes, ending with a line feed
      for (const b of batches) {
        expect((b.match(/"/g) ?? []).length % 2).toBe(0);
        expect(b.endsWith("\n")).toBe(true);
      }
      expect(batches.some((b) => b.includes('"first line\nsecond line"'))).toBe(true);
    }
  });

  it("never ends a batch inside a Shift_JIS multi-byte character (a line feed byte is no trail byte)", () => {
    // 表 (0x95 0x5C) and ソ (0x83 0x5C) have a backslash trail byte; 氏名 and 電話 are two-byte each
    const text = "氏名,表示\r\n山田,ソフト表\r\n鈴木,表ソ\r\n";
    const bytes = encodeSjis(text);
    for (const size of [1, 2, 3, 5]) {
      const batches = [...rowBatches(cut(bytes, size), true, 3)];
      const decoder = new TextDecoder("shift_jis", { fatal: true });
      // each batch decodes on its own without a broken character
      const texts = batches.map((b) => decoder.decode(b));
      expect(texts.join("")).toBe(text);
    }
  });

  it("gives up a quote that never closes after 8 batches, so memory stays bounded", () => {
    const csv = 'a,b\n1,"open\n' + "2,x\n".repeat(100);
    const batches = [...rowBatches(cut(enc.encode(csv), 8), true, 8)];
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.map((b) => dec.decode(b)).join("")).toBe(csv);
  });

  it("NDJSON: batches end at line feeds", () => {
    const nd = '{"a":1}\n{"a":2}\n{"a":3}\n';
    const batches = [...rowBatches(cut(enc.encode(nd), 3), false, 8)].map((b) => dec.decode(b));
    expect(batches.join("")).toBe(nd);
    for (const b of batches) expect(b.endsWith("\n")).toBe(true);
  });
});

describe("streamTableUnits", () => {
  it("repeats the header in later batches and continues lines and records", () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},"memo ${i}\nline two"`);
    const csv = "id,memo\n" + rows.join("\n") + "\n";
    const batches = [...streamTableUnits("t.csv", "csv", cut(enc.encode(csv), 13), 64)];
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.reduce((s, b) => s + b.records, 0)).toBe(40);
    expect(batches[0]!.repeatsHeader).toBe(false);
    let record = 0;
    for (const b of batches) {
      const unit = b.unit;
      if (b.repeatsHeader) {
        expect(unit.text.startsWith("id,memo\n")).toBe(true);
        expect(unit.locate!(0).line).toBeNull();
      }
      // the first data row of the batch: its record and its line in the file
      const at = unit.text.indexOf("memo ", unit.text.indexOf("\n"));
      const field = unit.fieldAt!(at);
      expect(field).toEqual({ key: "memo", record });
      expect(unit.locate!(at).line).toBe(2 + 2 * record);
      record += b.records;
    }
  });

  it("keeps the encoding of the first batch (Shift_JIS)", () => {
    const text = "氏名,メモ\r\n" + Array.from({ length: 30 }, (_, i) => `表${i},ソ${i}`).join("\r\n") + "\r\n";
    const batches = [...streamTableUnits("t.csv", "csv", cut(encodeSjis(text), 7), 40)];
    expect(batches.length).toBeGreaterThan(2);
    for (const b of batches) expect(b.unit.text).not.toContain("\ufffd");
    expect(batches.at(-1)!.unit.text).toContain("表29");
  });

  it("knows which paths it can stream", () => {
    expect(streamableTableKind("a/b/export.CSV")).toBe("csv");
    expect(streamableTableKind("x.tsv")).toBe("tsv");
    expect(streamableTableKind("logs/events.jsonl")).toBe("ndjson");
    expect(streamableTableKind("data.json")).toBeUndefined();
    expect(streamableTableKind("csv")).toBeUndefined();
  });
});

/** Shift_JIS bytes of `text` (characters of JIS X 0208 only), found by decoding every two-byte code once. */
function encodeSjis(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const d = new TextDecoder("shift_jis");
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const ch = d.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}
