import pg from "pg";
import Cursor from "pg-cursor";
import type { DbSource, DbTable, ReadOptions } from "./types.js";

/**
 * A read-only PostgreSQL source: one connection in a READ ONLY transaction with a statement
 * timeout; rows are read through a server-side cursor in batches (bounded memory). Every value
 * comes back as text (no Date or number parsing), as a dump would show it.
 */
export async function openPostgres(url: string, statementTimeoutMs: number): Promise<DbSource> {
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: () => (value: string) => value },
    application_name: "mamori scan-db",
    connectionTimeoutMillis: 15_000,
  });
  await client.connect();
  try {
    await client.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.floor(statementTimeoutMs))}`);
  } catch (err) {
    await client.end().catch(() => {});
    throw err;
  }
  const database = String((await client.query("SELECT current_database() AS d")).rows[0].d);
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return {
    database,
    async listTables() {
      const { rows } = await client.query(
        `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c
           FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE t.table_type IN ('BASE TABLE', 'VIEW') AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%'
          ORDER BY c.table_schema, c.table_name, c.ordinal_position`,
      );
      return groupColumns(rows.map((r) => [r.s, r.t, r.c]));
    },
    async *readRows(table: DbTable, options: ReadOptions) {
      const order = options.rows !== undefined && options.sample === "random" ? " ORDER BY random()" : "";
      const limit = options.rows !== undefined ? ` LIMIT ${Math.floor(options.rows)}` : "";
      const cols = table.columns.map(ident).join(", ");
      const cursor = client.query(new Cursor(`SELECT ${cols} FROM ${ident(table.schema)}.${ident(table.name)}${order}${limit}`, [], { rowMode: "array" }));
      try {
        for (;;) {
          const batch = (await cursor.read(options.batch)) as unknown[][];
          if (batch.length === 0) break;
          yield batch.map((row) => row.map((v) => (v === null || v === undefined ? null : String(v))));
        }
      } finally {
        await cursor.close();
      }
    },
    async close() {
      await client.query("ROLLBACK").catch(() => {});
      await client.end();
    },
  };
}

/** [schema, table, column] rows in order → tables with their columns. */
export function groupColumns(rows: [string, string, string][]): DbTable[] {
  const out: DbTable[] = [];
  for (const [schema, name, column] of rows) {
    const last = out[out.length - 1];
    if (last && last.schema === schema && last.name === name) last.columns.push(column);
    else out.push({ schema, name, columns: [column] });
  }
  return out;
}
