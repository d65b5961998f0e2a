import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { loadSqlite, openSqliteBytes } from "../decode/sqlite-tables.js";
import type { DbSource, DbTable, ReadOptions } from "./types.js";

/** A SQLite database file as a source: read once into memory (up to `maxBytes`), never written. */
export async function openSqlite(file: string, maxBytes: number): Promise<DbSource> {
  const size = statSync(file).size;
  if (size > maxBytes) throw new Error(`sqlite: ${basename(file)} is ${size} bytes, over the limit of ${maxBytes} (raise --max-bytes)`);
  const SQL = await loadSqlite();
  if (!SQL) throw new Error("sqlite: the SQLite engine (sql.js) could not be loaded");
  const db = openSqliteBytes(SQL, readFileSync(file));
  return {
    database: basename(file),
    listTables: async (): Promise<DbTable[]> => db.tables,
    async *readRows(table: DbTable, options: ReadOptions) {
      yield* db.rows(table, options.batch, options.rows, options.rows !== undefined && options.sample === "random");
    },
    close: async () => db.close(),
  };
}
