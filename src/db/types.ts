/** A table of a data store, as `mamori scan-db` reads it. */
export interface DbTable {
  /** Schema (PostgreSQL), database (MySQL/MariaDB) or "main" (SQLite). */
  schema: string;
  name: string;
  columns: string[];
}

export interface ReadOptions {
  /** Most rows read per table (undefined: all). */
  rows?: number;
  /** With `rows`: the first rows, or a random sample. */
  sample: "first" | "random";
  /** Rows per batch handed to the engine (bounded memory). */
  batch: number;
}

/** One open, read-only connection to a data store. */
export interface DbSource {
  /** The database name, for paths `db:<database>/<schema>.<table>`. */
  database: string;
  listTables(): Promise<DbTable[]>;
  /** Rows as arrays of cell strings (null for SQL NULL), in batches. */
  readRows(table: DbTable, options: ReadOptions): AsyncIterable<(string | null)[][]>;
  close(): Promise<void>;
}
