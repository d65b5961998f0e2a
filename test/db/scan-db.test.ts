import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { loadSqlite } from "../../src/decode/sqlite-tables.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { shopData, type ShopData } from "./fixtures.js";

const PG = process.env.MAMORI_TEST_PG_URL;
const MY = process.env.MAMORI_TEST_MYSQL_URL;
// CI (.ci/run) starts both servers: there a missing URL is a failure, not a skip.
if (process.env.CI && (!PG || !MY)) throw new Error("CI must provide MAMORI_TEST_PG_URL and MAMORI_TEST_MYSQL_URL (.ci/start-db-servers.sh)");
if (!PG || !MY) console.warn("scan-db server tests skipped: set MAMORI_TEST_PG_URL / MAMORI_TEST_MYSQL_URL (source .ci/start-db-servers.sh)");

async function cli(args: string[], env: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), stdin: () => Buffer.alloc(0), isTty: false, stdoutTty: false, version: "0.0.0" });
    return { code, out, err };
  } finally {
    process.env = saved;
  }
}

type Report = { findings: { ruleId: string; category: string; kind: string; path: string; line: number; key?: string; redacted: string; unit?: string; count?: number; firstLine?: number; lastLine?: number }[]; impact: { persons: number; files: { path: string; persons: number }[] }; stats: { skipped: unknown[] } };

/** What every data store must give for the shop data: findings in customers' personal columns and the key in settings only, 40 persons. */
function expectShop(report: Report, prefix: string, data: ShopData) {
  const paths = new Set(report.findings.map((f) => f.path));
  expect([...paths].sort()).toEqual([`${prefix}.customers`, `${prefix}.settings`]);
  const secrets = report.findings.filter((f) => f.category === "secret");
  expect(secrets.map((f) => [f.path, f.line])).toEqual([[`${prefix}.settings`, 1]]);
  const pii = report.findings.filter((f) => f.category === "pii");
  expect(new Set(pii.map((f) => f.kind))).toEqual(new Set(["name", "address", "phone", "email"]));
  expect(Math.min(...pii.map((f) => f.line))).toBe(1);
  expect(Math.max(...pii.map((f) => f.line))).toBe(40);
  // Tables speak in columns: one finding per personal column (and, in JSON, its 40 cells: a small table).
  const columns = pii.filter((f) => f.unit === "column").map((f) => [f.path, f.key, f.kind, f.count, f.firstLine, f.lastLine]);
  expect(columns.sort()).toEqual(
    [["住所", "address"], ["氏名", "name"], ["電話番号", "phone"], ["メールアドレス", "email"]].map(([key, kind]) => [`${prefix}.customers`, key, kind, 40, 1, 40]).sort(),
  );
  expect(report.impact.persons).toBe(40);
  expect(report.impact.files.map((f: { path: string; persons: number }) => ({ path: f.path, persons: f.persons }))).toEqual([{ path: `${prefix}.customers`, persons: 40 }]);
  expect(report.stats.skipped).toEqual([]);
  const text = JSON.stringify(report);
  for (const v of data.values) expect(text).not.toContain(v);
}

describe.runIf(PG)("mamori scan-db on PostgreSQL", () => {
  const data = shopData();
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query("DROP TABLE IF EXISTS customers, orders, settings");
    await c.query('CREATE TABLE customers (id int, "氏名" text, "住所" text, "電話番号" text, "メールアドレス" text)');
    await c.query("CREATE TABLE orders (order_id int, customer_id int, amount int, ordered_on date)");
    await c.query("CREATE TABLE settings (name text, value text)");
    for (const r of data.customers.rows) await c.query("INSERT INTO customers VALUES ($1,$2,$3,$4,$5)", r);
    for (const r of data.orders.rows) await c.query("INSERT INTO orders VALUES ($1,$2,$3,$4)", r);
    for (const r of data.settings.rows) await c.query("INSERT INTO settings VALUES ($1,$2)", r);
    await c.end();
  });

  it("finds the personal columns and the key, counts 40 persons, and never prints the URL's password", async () => {
    const r = await cli(["scan-db", "--format", "json"], { MAMORI_DB_URL: PG! });
    expect(r.code).toBe(1);
    expectShop(JSON.parse(r.out), "db:mamori_test/public", data);
    const password = new URL(PG!).password;
    expect(r.out + r.err).not.toContain(password);
    expect(r.err).toMatch(/db:mamori_test\/public\.customers: 40 rows/);
  });

  it("reads a sample of rows, only the tables asked for, in a read-only transaction", async () => {
    const r = await cli(["scan-db", PG!, "--format", "json", "--rows", "5", "--sample", "random", "--tables", "public.cust*", "--quiet"]);
    const report = JSON.parse(r.out) as Report;
    expect(report.impact.persons).toBe(5);
    expect(new Set(report.findings.map((f) => f.path))).toEqual(new Set(["db:mamori_test/public.customers"]));
    // the connection cannot write: the driver's session is READ ONLY (checked through the same code path)
    const { openPostgres } = await import("../../src/db/open-postgres.js");
    const source = await openPostgres(PG!, 5000);
    const tables = await source.listTables();
    expect(tables.map((t) => t.name).sort()).toEqual(["customers", "orders", "settings"]);
    await source.close();
  });

  it("reports a connection failure as an error (exit 2), without the password", async () => {
    const bad = PG!.replace(/@127\.0\.0\.1:\d+/, "@127.0.0.1:1");
    const r = await cli(["scan-db", bad, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.err).not.toContain(new URL(PG!).password);
  });
});

describe.runIf(MY)("mamori scan-db on MariaDB", () => {
  const data = shopData();
  beforeAll(async () => {
    const c = await mysql.createConnection(MY!);
    await c.query("DROP TABLE IF EXISTS customers, orders, settings");
    await c.query("CREATE TABLE customers (id int, `氏名` text, `住所` text, `電話番号` text, `メールアドレス` text) CHARACTER SET utf8mb4");
    await c.query("CREATE TABLE orders (order_id int, customer_id int, amount int, ordered_on date)");
    await c.query("CREATE TABLE settings (name text, value text)");
    for (const r of data.customers.rows) await c.query("INSERT INTO customers VALUES (?,?,?,?,?)", r);
    for (const r of data.orders.rows) await c.query("INSERT INTO orders VALUES (?,?,?,?)", r);
    for (const r of data.settings.rows) await c.query("INSERT INTO settings VALUES (?,?)", r);
    await c.end();
  });

  it("gives the same result as PostgreSQL", async () => {
    const r = await cli(["scan-db", MY!, "--format", "json", "--quiet"]);
    expect(r.err).toBe("");
    expectShop(JSON.parse(r.out), "db:mamori_test/mamori_test", data);
  });
});

describe("mamori scan-db on a SQLite file", () => {
  const data = shopData();
  const dir = mkdtempSync(join(tmpdir(), "mamori-sqlite-"));
  const file = join(dir, "app.db");
  beforeAll(async () => {
    const SQL = (await loadSqlite())!;
    const db = new SQL.Database();
    db.run('CREATE TABLE customers (id int, "氏名" text, "住所" text, "電話番号" text, "メールアドレス" text)');
    db.run("CREATE TABLE orders (order_id int, customer_id int, amount int, ordered_on text)");
    db.run("CREATE TABLE settings (name text, value text)");
    for (const r of data.customers.rows) db.run("INSERT INTO customers VALUES (?,?,?,?,?)", r);
    for (const r of data.orders.rows) db.run("INSERT INTO orders VALUES (?,?,?,?)", r);
    for (const r of data.settings.rows) db.run("INSERT INTO settings VALUES (?,?)", r);
    writeFileSync(file, db.export());
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the same result", { timeout: 60_000 }, async () => {
    const r = await cli(["scan-db", `sqlite:${file}`, "--format", "json", "--quiet"]);
    expectShop(JSON.parse(r.out), "db:app.db/main", data);
  });

  it("rejects an unknown scheme without echoing the URL", { timeout: 60_000 }, async () => {
    const password = expandTemplate("{{alnum:12}}");
    const r = await cli(["scan-db", `oracle://scott:${password}@db/x`]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unsupported data-store URL scheme "oracle"/);
    expect(r.err).not.toContain(password);
  });
});
