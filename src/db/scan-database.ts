import { minimatch } from "minimatch";
import type { Config } from "../config/config-schema.js";
import { compileRules, type CompiledRules } from "../engine/compile-rules.js";
import type { Finding } from "../engine/types.js";
import { assessImpact, type ImpactFact } from "../impact/assess-impact.js";
import type { Rule } from "../rules/rule-schema.js";
import { scanFiles, type ScanResult, type Skipped } from "../scan/scan-files.js";
import { openMysql } from "./open-mysql.js";
import { openPostgres } from "./open-postgres.js";
import { openSqlite } from "./open-sqlite.js";
import type { DbTarget } from "./parse-db-url.js";
import { rowsToUnit } from "../decode/rows-to-unit.js";
import { ColumnAccumulator, type CellDetail } from "../scan/column-accumulator.js";
import type { DbSource, DbTable, ReadOptions } from "./types.js";
import { redactErrorText } from "../scan/redact-error-text.js";
import { TablePersonsCounter, type TablePersons } from "../impact/table-persons.js";

export interface ScanDatabaseOptions {
  rules: readonly Rule[];
  ignoredFingerprints?: ReadonlySet<string>;
  /** The fingerprint key (HMAC), as for a folder scan. */
  fingerprintKey: Uint8Array;
  onFindings?: (findings: Finding[]) => void;
  /** Globs over `schema.table` (or `table`): only these tables / not these. */
  tables?: readonly string[];
  exclude?: readonly string[];
  read?: Partial<ReadOptions>;
  /** Statement time limit on the server (ms). */
  statementTimeoutMs?: number;
  /** Largest SQLite file read (bytes). */
  maxSqliteBytes?: number;
  knownAt?: Date;
  /** After each table: its path, the rows read, and the error when it could not be read. */
  onTable?: (path: string, rows: number, error?: string) => void;
  /** Cells reported beside the column findings (as for files; default "small"). */
  cells?: CellDetail;
  /** The rules compiled as for a folder scan (custom rules on RE2: src/worker/compile-job-rules.ts); default: compiled here. */
  compiled?: CompiledRules;
  /**
   * Time budget of one table in ms (0 or absent: none), checked after each batch of rows: a table
   * past it is read no further, what it gave is kept, and it is listed as skipped (`timeout`).
   */
  tableTimeoutMs?: number;
}

/** Opens the data store read-only and scans it (see `scanSource`); the connection is always closed. */
export async function scanDatabase(target: DbTarget, config: Config, options: ScanDatabaseOptions): Promise<ScanResult> {
  const timeout = options.statementTimeoutMs ?? 60_000;
  const source =
    target.kind === "postgres"
      ? await openPostgres(target.url, timeout)
      : target.kind === "mysql"
        ? await openMysql(target.url, timeout)
        : await openSqlite(target.file!, options.maxSqliteBytes ?? 1024 * 1024 * 1024);
  try {
    return await scanSource(source, config, options);
  } finally {
    await source.close().catch(() => {});
  }
}

/**
 * Scans every table of a data store as a table unit `db:<database>/<schema>.<table>`: the column
 * names are the headers, each row a record (one person when it identifies one). Rows are read in
 * batches and each batch is scanned at once, so memory stays bounded whatever the table's size.
 * A table that cannot be read is listed in `stats.skipped` (the scan is then incomplete), never
 * silently passed. The impact is assessed once, over all tables.
 */
export async function scanSource(source: DbSource, config: Config, options: ScanDatabaseOptions): Promise<ScanResult> {
  const started = Date.now();
  const compiled = options.compiled ?? compileRules(options.rules);
  const budget = options.tableTimeoutMs ?? 0;
  const read: ReadOptions = { sample: "first", batch: 2000, ...options.read };
  const facts: ImpactFact[] = [];
  const counted: TablePersons[] = [];
  const tableRecords = new Map<string, number>();
  const skipped: Skipped[] = [];
  const findings: Finding[] = [];
  let secrets = 0;
  let bytes = 0;
  let tables = 0;
  const empty = new Uint8Array(0);
  const ignored = options.ignoredFingerprints ?? new Set<string>();
  // Column findings span the batches of a table: one accumulator, flushed when the table ends.
  const columns = new ColumnAccumulator({
    salt: config.scan.salt,
    key: options.fingerprintKey,
    ignored: config.allow.length > 0 ? new Set([...config.allow.map((a) => a.fingerprint), ...ignored]) : ignored,
    cells: options.cells ?? "small",
  });
  const report = options.onFindings ?? ((f: Finding[]) => findings.push(...f));
  for (const table of (await source.listTables()).filter((t) => wanted(t, options))) {
    const path = `db:${source.database}/${table.schema}.${table.name}`;
    let rows = 0;
    const tableStarted = Date.now();
    // Persons are counted as the rows are read (bounded by rows, not by cells): no fact per cell is kept.
    const counter = new TablePersonsCounter(path);
    try {
      for await (const batch of source.readRows(table, read)) {
        // After its first batch, a table past its budget with rows left to read stops here (a batch is never cut).
        if (budget > 0 && rows > 0 && Date.now() - tableStarted > budget) throw new TableTimeout(budget);
        const unit = rowsToUnit(path, table.columns, batch, rows);
        rows += batch.length;
        bytes += unit.text.length;
        const r = scanFiles([{ path, bytes: empty, units: [unit] }], config, {
          rules: options.rules,
          compiled,
          ignoredFingerprints: options.ignoredFingerprints,
          fingerprintKey: options.fingerprintKey,
          onFindings: report,
          keepFacts: true,
          columns,
        });
        for (const f of r.facts ?? []) counter.add(f);
        counter.endBatch();
        secrets += r.secrets ?? 0;
        skipped.push(...r.stats.skipped);
      }
      const columnFindings = columns.flush(path);
      if (columnFindings.length > 0) report(columnFindings);
      tables++;
      counted.push(counter.finish());
      if (rows > 0) tableRecords.set(path, rows);
      options.onTable?.(path, rows);
    } catch (err) {
      const partial = columns.flush(path); // what was read before the error is still reported
      if (partial.length > 0) report(partial);
      counted.push(counter.finish());
      if (rows > 0) tableRecords.set(path, rows);
      // Some drivers quote the offending value (e.g. "invalid input syntax … "<value>""): redacted like findings.
      const reason = err instanceof TableTimeout ? err.message : redactErrorText(`could not read the table: ${describeDbError(err)}`, compiled);
      skipped.push({ path, reason });
      options.onTable?.(path, rows, reason);
    }
  }
  const impact = assessImpact(facts, { tableRecords, secrets, knownAt: options.knownAt, damages: config.impact, tables: counted });
  return { findings, impact, stats: { files: tables, bytes, skipped, durationMs: Date.now() - started } };
}

/** A table past its time budget (the reason is the one a file past its budget gets). */
class TableTimeout extends Error {
  constructor(ms: number) {
    super(`timeout: not scanned within ${ms / 1000} s (--file-timeout)`);
  }
}

function wanted(t: DbTable, options: ScanDatabaseOptions): boolean {
  const names = [`${t.schema}.${t.name}`, t.name];
  const match = (globs: readonly string[]) => globs.some((g) => names.some((n) => minimatch(n, g, { dot: true })));
  if (options.tables?.length && !match(options.tables)) return false;
  return !(options.exclude?.length && match(options.exclude));
}

/** A driver error in one line: its code and message, never a value (drivers do not quote row data in these). */
export function describeDbError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = String(e?.message ?? err).split("\n")[0]!.slice(0, 200);
  return e?.code ? `${e.code}: ${message}` : message;
}
