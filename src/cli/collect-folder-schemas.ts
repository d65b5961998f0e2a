import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { collectTableSchemas, mayDefineTables, type TableSchemas } from "../decode/collect-table-schemas.js";

/** Largest file read for table definitions (a schema or a migration is small; a dump is scanned anyway). */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The pre-pass of a folder scan: the tables that the folder's schema files define (schema.sql,
 * Rails schema and migrations, Laravel migrations, Django and Prisma models), so that a dump's
 * `INSERT INTO t VALUES (…)` without a column list gets its columns from anywhere in the tree.
 * Unreadable files are left to the scan itself, which reports them.
 */
export function collectFolderSchemas(root: string, paths: readonly string[]): TableSchemas {
  const schemas: TableSchemas = new Map();
  for (const path of paths) {
    if (!mayDefineTables(path)) continue;
    try {
      const file = join(root, path);
      if (statSync(file).size > MAX_BYTES) continue;
      collectTableSchemas(path, readFileSync(file, "utf8"), schemas);
    } catch {
      // the scan reads the file again and lists it as unreadable
    }
  }
  return schemas;
}
