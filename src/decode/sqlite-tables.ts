import { createRequire } from "node:module";
import type { Database, SqlJsStatic } from "sql.js";
import type { DbTable } from "../db/types.js";

let loading: Promise<SqlJsStatic | undefined> | undefined;
let loaded: SqlJsStatic | undefined;

/**
 * Loads the SQLite engine (sql.js, WebAssembly: no native build, no network) once per process
 * or thread. Resolves to undefined when it cannot be loaded (decode then lists SQLite files as
 * skipped with that reason).
 */
export function loadSqlite(): Promise<SqlJsStatic | undefined> {
  loading ??= (async () => {
    try {
      const require = createRequire(import.meta.url);
      const init = require("sql.js") as (config?: object) => Promise<SqlJsStatic>;
      loaded = await init();
    } catch {
      loaded = undefined;
    }
    return loaded;
  })();
  return loading;
}

// Decode is synchronous: the engine is ready when this module has loaded (top-level await).
await loadSqlite();

/** The SQLite engine, or undefined when it could not be loaded. */
export function sqliteEngine(): SqlJsStatic | undefined {
  return loaded;
}

/** "SQLite format 3\0": the first 16 bytes of every SQLite 3 database file. */
export function isSqliteFile(bytes: Uint8Array): boolean {
  const magic = "SQLite format 3\u0000";
  if (bytes.length < 100) return false;
  for (let i = 0; i < 16; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

export interface SqliteFile {
  tables: DbTable[];
  /** The rows of a table as cell strings (null for NULL; BLOBs as UTF-8 text when they hold text), `batch` at a time. */
  rows(table: DbTable, batch: number, limit?: number, random?: boolean): Iterable<(string | null)[][]>;
  close(): void;
}

/** Opens a SQLite database held in memory (a copy: the file is never written). Throws on a corrupt file. */
export function openSqliteBytes(SQL: SqlJsStatic, bytes: Uint8Array): SqliteFile {
  const db: Database = new SQL.Database(bytes);
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const tables: DbTable[] = [];
  const list = db.exec("SELECT name FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name");
  for (const [name] of list[0]?.values ?? []) {
    const info = db.exec(`PRAGMA table_info(${ident(String(name))})`);
    const columns = (info[0]?.values ?? []).map((r) => String(r[1]));
    if (columns.length > 0) tables.push({ schema: "main", name: String(name), columns });
  }
  return {
    tables,
    *rows(table, batch, limit, random) {
      const sql = `SELECT ${table.columns.map(ident).join(", ")} FROM ${ident(table.name)}${random ? " ORDER BY random()" : ""}${limit !== undefined ? ` LIMIT ${Math.floor(limit)}` : ""}`;
      const stmt = db.prepare(sql);
      try {
        let out: (string | null)[][] = [];
        while (stmt.step()) {
          out.push(stmt.get().map(cell));
          if (out.length >= batch) {
            yield out;
            out = [];
          }
        }
        if (out.length > 0) yield out;
      } finally {
        stmt.free();
      }
    },
    close: () => db.close(),
  };
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function cell(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) {
    try {
      return decoder.decode(v);
    } catch {
      return null; // binary data: nothing a text rule can read
    }
  }
  return String(v);
}
