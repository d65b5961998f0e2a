import mysql from "mysql2";
import { groupColumns } from "./open-postgres.js";
import type { DbSource, DbTable, ReadOptions } from "./types.js";

/**
 * A read-only MySQL/MariaDB source: one connection in a READ ONLY transaction with a statement
 * time limit (MySQL `max_execution_time`, MariaDB `max_statement_time`); rows are streamed
 * (the driver pauses the socket between batches: bounded memory). Dates and numbers come back
 * as text.
 */
export async function openMysql(url: string, statementTimeoutMs: number): Promise<DbSource> {
  const u = new URL(url.replace(/^mariadb:/i, "mysql:"));
  const conn = mysql.createConnection({
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    decimalNumbers: false,
    connectTimeout: 15_000,
    charset: "utf8mb4",
  });
  const p = conn.promise();
  try {
    await p.connect();
    const [version] = (await p.query("SELECT VERSION() AS v")) as unknown as [{ v: string }[]];
    const mariadb = /mariadb/i.test(version[0]?.v ?? "");
    await p.query(
      mariadb
        ? `SET SESSION max_statement_time = ${Math.max(1, Math.ceil(statementTimeoutMs / 1000))}`
        : `SET SESSION max_execution_time = ${Math.max(1, Math.floor(statementTimeoutMs))}`,
    );
    await p.query("START TRANSACTION READ ONLY");
  } catch (err) {
    conn.destroy();
    throw err;
  }
  const database = decodeURIComponent(u.pathname.slice(1));
  const ident = (s: string) => `\`${s.replace(/`/g, "``")}\``;
  return {
    database,
    async listTables() {
      const [rows] = (await p.query(
        `SELECT c.TABLE_SCHEMA AS s, c.TABLE_NAME AS t, c.COLUMN_NAME AS c
           FROM information_schema.COLUMNS c
          WHERE c.TABLE_SCHEMA = DATABASE()
          ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION`,
      )) as unknown as [{ s: string; t: string; c: string }[]];
      return groupColumns(rows.map((r) => [r.s, r.t, r.c]));
    },
    async *readRows(table: DbTable, options: ReadOptions) {
      const order = options.rows !== undefined && options.sample === "random" ? " ORDER BY RAND()" : "";
      const limit = options.rows !== undefined ? ` LIMIT ${Math.floor(options.rows)}` : "";
      const sql = `SELECT ${table.columns.map(ident).join(", ")} FROM ${ident(table.schema)}.${ident(table.name)}${order}${limit}`;
      const stream = conn.query({ sql, rowsAsArray: true }).stream({ highWaterMark: options.batch });
      let batch: (string | null)[][] = [];
      for await (const row of stream as AsyncIterable<unknown[]>) {
        batch.push(row.map(cell));
        if (batch.length >= options.batch) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
    async close() {
      await p.query("ROLLBACK").catch(() => {});
      await p.end().catch(() => conn.destroy());
    },
  };
}

function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v.toString("utf8");
  return String(v);
}
