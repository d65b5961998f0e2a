import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { configSchema, type ConfigInput } from "../../src/config/config-schema.js";
import type { Finding } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { ColumnAccumulator, SMALL_COLUMN_CELLS } from "../../src/scan/column-accumulator.js";
import { scanFiles, type ScanOptions } from "../../src/scan/scan-files.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { fakePersons } from "../helpers/fake-person.js";

// Tables speak in columns (issue 12 item 1): every table format gives one finding per column and
// kind, counted over every row; the persons count stays exact (item 4). Data generated here.
const rules = loadRules();
const enc = new TextEncoder();
const N = 30;
const people = fakePersons(N, 1203).map((p, i) => ({ name: `${p.sei} ${p.mei}`, phone: p.mobile, email: `${i}.${p.email}` }));

function scan(path: string, bytes: Uint8Array, options: Partial<ScanOptions> = {}, config: ConfigInput = {}) {
  return scanFiles([{ path, bytes }], configSchema.parse(config), { rules, fingerprintKey: enc.encode("column findings test key"), cells: "none", ...options });
}

const columnsOf = (findings: Finding[]) =>
  findings
    .filter((f) => f.unit === "column")
    .map((f) => ({ path: f.path, key: f.key, kind: f.kind, count: f.count, firstLine: f.firstLine, lastLine: f.lastLine }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));

/** The three columns every format must give: name, phone and e-mail, N cells each on lines first..first+N-1. */
function expectColumns(findings: Finding[], path: string, keys: { name: string; phone: string; email: string }, first: number | null) {
  const last = first === null ? null : first + N - 1;
  expect(columnsOf(findings)).toEqual([
    { path, key: keys.email, kind: "email", count: N, firstLine: first, lastLine: last },
    { path, key: keys.name, kind: "name", count: N, firstLine: first, lastLine: last },
    { path, key: keys.phone, kind: "phone", count: N, firstLine: first, lastLine: last },
  ]);
  // No personal cell is reported on its own with cells "none"; the column's preview is redacted.
  expect(findings.filter((f) => f.category === "pii" && f.unit !== "column")).toEqual([]);
  for (const f of findings) for (const p of people) expect(f.redacted).not.toContain(p.phone);
}

const JA = { name: "氏名", phone: "電話番号", email: "メールアドレス" };

/** A minimal .xlsx with inline strings: one sheet, a header row, then the rows. */
function xlsx(sheet: string, rows: string[][]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const xml = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join("")}</row>`)
    .join("");
  return zipSync({
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml}</sheetData></worksheet>`),
  });
}

describe("column findings for every table format", () => {
  const rows = people.map((p) => [p.name, p.phone, p.email]);

  it("CSV", () => {
    const r = scan("exports/customers.csv", enc.encode([[JA.name, JA.phone, JA.email], ...rows].map((r) => r.join(",")).join("\n") + "\n"));
    expectColumns(r.findings, "exports/customers.csv", JA, 2);
    expect(r.impact.persons).toBe(N);
    expect(r.impact.files).toMatchObject([{ path: "exports/customers.csv", persons: N }]);
  });

  it("TSV", () => {
    const r = scan("exports/customers.tsv", enc.encode([[JA.name, JA.phone, JA.email], ...rows].map((r) => r.join("\t")).join("\n") + "\n"));
    expectColumns(r.findings, "exports/customers.tsv", JA, 2);
    expect(r.impact.persons).toBe(N);
  });

  it("SQL INSERT", () => {
    const sql = ["-- dump", ...rows.map((r) => `INSERT INTO customers (name, phone, email) VALUES ('${r[0]}', '${r[1]}', '${r[2]}');`)].join("\n") + "\n";
    const r = scan("db/dump.sql", enc.encode(sql));
    expectColumns(r.findings, "db/dump.sql", { name: "name", phone: "phone", email: "email" }, 2);
    expect(r.impact.persons).toBe(N);
  });

  it("SQL COPY", () => {
    const sql = ["COPY public.customers (name, phone, email) FROM stdin;", ...rows.map((r) => r.join("\t")), "\\.", ""].join("\n");
    const r = scan("db/pg_dump.sql", enc.encode(sql));
    expectColumns(r.findings, "db/pg_dump.sql", { name: "name", phone: "phone", email: "email" }, 2);
    expect(r.impact.persons).toBe(N);
  });

  it("NDJSON", () => {
    const text = rows.map((r) => JSON.stringify({ id: 1, name: r[0], phone: r[1], email: r[2] })).join("\n") + "\n";
    const r = scan("logs/customers.ndjson", enc.encode(text));
    expectColumns(r.findings, "logs/customers.ndjson", { name: "name", phone: "phone", email: "email" }, 1);
    expect(r.impact.persons).toBe(N);
  });

  it("JSON array of records", () => {
    const text = "[\n" + rows.map((r) => "  " + JSON.stringify({ name: r[0], phone: r[1], email: r[2] })).join(",\n") + "\n]\n";
    const r = scan("fixtures/customers.json", enc.encode(text));
    expectColumns(r.findings, "fixtures/customers.json", { name: "name", phone: "phone", email: "email" }, 2);
    expect(r.impact.persons).toBe(N);
  });

  it("xlsx sheet (the column finding is on the sheet, its lines are rows)", () => {
    const r = scan("exports/customers.xlsx", xlsx("名簿", [[JA.name, JA.phone, JA.email], ...rows]));
    expectColumns(r.findings, "exports/customers.xlsx!名簿", JA, 2);
    expect(r.impact.persons).toBe(N);
  });

  it("Markdown table", () => {
    const md = ["# 顧客一覧", "", `| ${JA.name} | ${JA.phone} | ${JA.email} |`, "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`), ""].join("\n");
    const r = scan("docs/customers.md", enc.encode(md));
    expectColumns(r.findings, "docs/customers.md", JA, 5);
    expect(r.impact.persons).toBe(N);
  });

  it("a database table read in batches (one accumulator across batches)", async () => {
    const { scanSource } = await import("../../src/db/scan-database.js");
    const source = {
      database: "shop",
      async listTables() {
        return [{ schema: "public", name: "customers", columns: [JA.name, JA.phone, JA.email] }];
      },
      async *readRows() {
        yield rows.slice(0, 10);
        yield rows.slice(10);
      },
      async close() {},
    };
    const found: Finding[] = [];
    const r = await scanSource(source as never, configSchema.parse({}), { rules, fingerprintKey: enc.encode("k"), cells: "none", onFindings: (f) => found.push(...f) });
    expectColumns(found, "db:shop/public.customers", JA, 1);
    expect(r.impact.persons).toBe(N);
  });
});

describe("column findings: detail, ignores, secrets", () => {
  const csv = (n: number) =>
    enc.encode([`${JA.name},${JA.phone},token`, ...fakePersons(n, 77).map((p, i) => `${p.sei} ${p.mei},${p.mobile},${i === 0 ? "none" : ""}`)].join("\n") + "\n");

  it("cells 'small' keeps every cell of an ordinary table beside its columns; past the bound only the columns", () => {
    const small = scan("a.csv", csv(20), { cells: "small" });
    expect(small.findings.filter((f) => f.unit === "column")).toHaveLength(2);
    expect(small.findings.filter((f) => f.unit === undefined && f.kind === "phone").map((f) => f.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const big = scan("b.csv", csv(SMALL_COLUMN_CELLS + 5), { cells: "small" });
    expect(big.findings.every((f) => f.unit === "column")).toBe(true);
    expect(big.findings.map((f) => f.count)).toEqual([SMALL_COLUMN_CELLS + 5, SMALL_COLUMN_CELLS + 5]);
    expect(big.impact.persons).toBe(SMALL_COLUMN_CELLS + 5);
  });

  it("cells 'all' reports every cell and the columns", () => {
    const r = scan("a.csv", csv(20), { cells: "all" });
    expect(r.findings.filter((f) => f.unit === "column")).toHaveLength(2);
    expect(r.findings.filter((f) => f.unit === undefined)).toHaveLength(40);
  });

  it("an accepted column fingerprint (.mamoriignore or allow) silences the column and its cells, and its persons", () => {
    const fp = new ColumnAccumulator({ salt: "mamori", key: enc.encode("column findings test key") }).fingerprintOf("a.csv", JA.name, "name");
    const viaIgnore = scan("a.csv", csv(20), { ignoredFingerprints: new Set([fp]), cells: "all" });
    expect(viaIgnore.findings.map((f) => f.kind)).not.toContain("name");
    expect(viaIgnore.findings.filter((f) => f.unit === "column").map((f) => f.kind)).toEqual(["phone"]);
    const viaAllow = scan("a.csv", csv(20), {}, { allow: [{ fingerprint: fp, reason: "test data" }] });
    expect(viaAllow.findings.map((f) => f.kind)).toEqual(["phone"]);
    // Without a name the phone numbers belong to nobody known: no persons.
    expect(viaAllow.impact.persons).toBe(0);
  });

  it("an inline ignore on a row still silences that row's cell (the column counts the others)", () => {
    const people2 = fakePersons(5, 5);
    const text = ["氏名,電話番号,備考", ...people2.map((p, i) => `${p.sei} ${p.mei},${p.mobile},${i === 2 ? "mamori:ignore" : ""}`)].join("\n") + "\n";
    const r = scan("c.csv", enc.encode(text), { cells: "all" });
    const cols = r.findings.filter((f) => f.unit === "column");
    expect(cols.length).toBeGreaterThan(0);
    for (const c of cols) expect(c.count).toBe(4);
    expect(r.findings.filter((f) => f.unit === undefined).map((f) => f.line)).not.toContain(4);
  });

  it("keeps each credential in a table a finding of its own", () => {
    const ps = fakePersons(3, 9);
    const tokens = ps.map(() => expandTemplate("ghp_{{base62:30}}{{crc32-github}}"));
    const text = ["氏名,電話番号,api_token", ...ps.map((p, i) => `${p.sei} ${p.mei},${p.mobile},${tokens[i]}`)].join("\n") + "\n";
    const r = scan("d.csv", enc.encode(text));
    const secrets = r.findings.filter((f) => f.category === "secret");
    expect(secrets.map((f) => [f.line, f.unit])).toEqual([[2, undefined], [3, undefined], [4, undefined]]);
    expect(r.findings.filter((f) => f.unit === "column").map((f) => f.kind).sort()).toEqual(["name", "phone"]);
    expect(r.impact.secrets).toBe(3);
  });
});
