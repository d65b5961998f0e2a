import Encoding from "encoding-japanese";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import type { Finding } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles, type ScanInput } from "../../src/scan/scan-files.js";
import { fakePersons } from "../helpers/fake-person.js";

// Issue 12 item 2: a large table is read in batches of rows; the column findings and the persons
// must be the same as when the file is read whole. Rows generated here (fictional persons; a
// person repeats every 97 rows so repeats are merged across batches).
const rules = loadRules();
const enc = new TextEncoder();
const key = enc.encode("streamed tables test key");
const people = fakePersons(97, 1212);
const ROWS = 400;

function rowsOf(sep: string): string[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const p = people[i % people.length]!;
    const memo = i % 50 === 0 ? `"備考${i}\n二行目, ""引用"""` : `備考${i}`;
    return [`${p.sei} ${p.mei}`, p.mobile, `${p.state}${p.city}${p.street}`, memo, String(1000 + i)].join(sep);
  });
}

function csv(sep: string, eol = "\n"): string {
  return [["氏名", "電話番号", "住所", "備考", "ポイント"].join(sep), ...rowsOf(sep)].join(eol) + eol;
}

const sjis = (text: string) => new Uint8Array(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));

const columnsOf = (findings: Finding[]) =>
  findings
    .filter((f) => f.unit === "column")
    .map((f) => ({ key: f.key, kind: f.kind, ruleId: f.ruleId, count: f.count, firstLine: f.firstLine, lastLine: f.lastLine, sampleLines: f.sampleLines, fingerprint: f.fingerprint, valueHash: f.valueHash }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

function whole(path: string, bytes: Uint8Array) {
  return scanFiles([{ path, bytes }], configSchema.parse({}), { rules, fingerprintKey: key, cells: "none" });
}

/** The same bytes handed over in chunks of 4,099 bytes and read in batches of 3,000 bytes of rows. */
function streamed(path: string, bytes: Uint8Array, extra: Partial<ScanInput> = {}) {
  const chunks = function* () {
    for (let at = 0; at < bytes.length; at += 4099) yield bytes.slice(at, at + 4099);
  };
  return scanFiles([{ path, bytes: new Uint8Array(0), size: bytes.length, chunks, ...extra }], configSchema.parse({}), { rules, fingerprintKey: key, cells: "none", tableBatchBytes: 3000 });
}

describe("a table read in batches of rows gives what the whole file gives", () => {
  for (const [name, path, bytes] of [
    ["CSV (UTF-8)", "exports/customers.csv", enc.encode(csv(","))],
    ["TSV (UTF-8, CRLF)", "exports/customers.tsv", enc.encode(csv("\t", "\r\n"))],
    ["CSV (Shift_JIS, CRLF)", "exports/customers_sjis.csv", sjis(csv(",", "\r\n"))],
  ] as const) {
    it(name, () => {
      const a = whole(path, bytes);
      const b = streamed(path, bytes);
      const cols = columnsOf(a.findings);
      expect(cols.map((c) => c.kind)).toEqual(expect.arrayContaining(["address", "name", "phone"]));
      expect(cols.find((c) => c.kind === "name")).toMatchObject({ count: ROWS, firstLine: 2 });
      expect(columnsOf(b.findings)).toEqual(cols);
      expect(b.impact.persons).toBe(a.impact.persons);
      expect(b.impact.persons).toBe(people.length);
      expect(b.impact.files).toEqual(a.impact.files);
      // the whole impact block (kinds, classes of records, APPI) from the counter, not from one fact per cell
      expect(b.impact).toEqual(a.impact);
      expect(b.stats.skipped).toEqual([]);
      // no personal cell alone; nothing found in the header copies of later batches
      expect(b.findings.filter((f) => f.unit !== "column")).toEqual(a.findings.filter((f) => f.unit !== "column"));
    });
  }

  it("NDJSON", () => {
    const text = rowsOf("\u0001").map((r) => {
      const [name, phone, address] = r.split("\u0001");
      return JSON.stringify({ name, phone, address });
    }).join("\n") + "\n";
    const a = whole("logs/customers.ndjson", enc.encode(text));
    const b = streamed("logs/customers.ndjson", enc.encode(text));
    expect(columnsOf(a.findings).length).toBeGreaterThan(1);
    expect(columnsOf(b.findings)).toEqual(columnsOf(a.findings));
    expect(b.impact.persons).toBe(a.impact.persons);
  });

  it("persons recurring in another file are counted once, as when the table is read whole", () => {
    const table = enc.encode(csv(","));
    // a small file naming three persons of the table with their phones, and one stranger
    const other = enc.encode(["氏名,電話番号", ...people.slice(0, 3).map((p) => `${p.sei} ${p.mei},${p.mobile}`), "山田 花子,090-5000-0001"].join("\n") + "\n");
    const config = configSchema.parse({});
    const a = scanFiles([{ path: "a.csv", bytes: table }, { path: "b.csv", bytes: other }], config, { rules, fingerprintKey: key, cells: "none" });
    const chunks = () => [table.slice(0, 5000), table.slice(5000)];
    const b = scanFiles([{ path: "a.csv", bytes: new Uint8Array(0), size: table.length, chunks }, { path: "b.csv", bytes: other }], config, { rules, fingerprintKey: key, cells: "none", tableBatchBytes: 3000 });
    expect(a.impact.acrossFiles).toBe(3);
    expect(b.impact).toEqual(a.impact);
  });

  it("a table over scan.maxTableBytes is listed as too large, not read", () => {
    const bytes = enc.encode(csv(","));
    const r = scanFiles([{ path: "big.csv", bytes: new Uint8Array(0), size: bytes.length, chunks: () => [bytes] }], configSchema.parse({ scan: { maxTableBytes: 1000 } }), { rules, fingerprintKey: key });
    expect(r.findings).toEqual([]);
    expect(r.stats.skipped).toEqual([{ path: "big.csv", reason: `too large (${bytes.length} bytes > 1000, scan.maxTableBytes)` }]);
  });
});
