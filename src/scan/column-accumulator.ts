import type { Finding } from "../engine/types.js";
import { hashValue } from "../engine/hash-value.js";
import type { Confidence, Severity } from "../rules/rule-schema.js";

/**
 * Which cell findings of a table are reported beside its column findings:
 * - "none": only the column findings (text, SARIF, check run, HTML by default);
 * - "small": the cells of a column with at most `smallColumn` flagged cells (JSON by default:
 *   every flagged row of an ordinary table stays a finding of its own line), none beyond;
 * - "all": every cell (`--detail cells`).
 */
export type CellDetail = "none" | "small" | "all";

/** Flagged cells of one column and kind up to which JSON keeps the cells (`--detail auto`). */
export const SMALL_COLUMN_CELLS = 1000;
/** Sample lines kept per column finding. */
export const SAMPLE_LINES = 5;

export interface ColumnAccumulatorOptions {
  /** Public salt and secret key of fingerprints (as for cell findings). */
  salt: string;
  key: Uint8Array | string | null;
  /** Accepted fingerprints (config `allow` and `.mamoriignore`): a column listed here is dropped, cells and all. */
  ignored?: ReadonlySet<string>;
  /** Cells reported beside the columns (default "none"). */
  cells?: CellDetail;
  /** The bound of "small" (default SMALL_COLUMN_CELLS). */
  smallColumn?: number;
}

/** What `add` did with a cell. */
export type CellFate =
  /** Its column is accepted (ignored): report it nowhere, count nobody. */
  | "ignored"
  /** Counted in its column (and kept for `flush` when its cells may be reported). */
  | "held"
  /** Counted in its column; the caller reports the cell itself now (cells "all"). */
  | "emit";

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
const HASH_MOD = 2 ** 48;

interface Column {
  unitPath: string;
  key: string;
  kind: string;
  fingerprint: string;
  count: number;
  firstLine: number | null;
  lastLine: number | null;
  sampleLines: number[];
  /** The first cell: its preview is the column's sample, its rule and category the column's. */
  first: Finding;
  ruleCounts: Map<string, number>;
  severity: Severity;
  confidence: Confidence;
  tags: Set<string>;
  commit?: string;
  /** Order-independent sum of the cells' value hashes: the same values give the same column hash. */
  valueSum: number;
  /** Cells kept for "small" until the column passes the bound (then dropped: undefined). */
  cells: Finding[] | undefined;
}

/**
 * Tables speak in columns: takes a table's personal-data cell findings one at a time and keeps,
 * per (table unit, column key, kind), a count, the first and last line, up to 5 sample lines,
 * the first cell's redacted preview and a fingerprint of path + key + kind — never the list of
 * cells (except up to `smallColumn` of them per column with cells "small"). Memory is
 * O(columns × kinds) whatever the number of rows, so a streaming reader can feed it.
 *
 * A cell is a table cell when it is personal data with a column key and a record in a unit that
 * is a table (CSV/TSV, SQL, JSON/NDJSON records, sheets, Markdown tables, database tables); the
 * caller decides that (`isColumnCell` + its unit). Credentials stay findings of their own.
 */
export class ColumnAccumulator {
  private readonly columns = new Map<string, Column>();
  private readonly fingerprints = new Map<string, string>();
  private readonly cells: CellDetail;
  private readonly smallColumn: number;

  constructor(private readonly options: ColumnAccumulatorOptions) {
    this.cells = options.cells ?? "none";
    this.smallColumn = options.smallColumn ?? SMALL_COLUMN_CELLS;
  }

  /** The fingerprint of a column finding: keyed hash of the table unit, the column key and the kind (stable when rows change). */
  fingerprintOf(unitPath: string, key: string, kind: string): string {
    const id = `${unitPath}\0${key}\0${kind}`;
    let fp = this.fingerprints.get(id);
    if (fp === undefined) {
      fp = `${kind}-column:${unitPath}:${hashValue(this.options.key, this.options.salt, "column", unitPath, key, kind)}`;
      this.fingerprints.set(id, fp);
    }
    return fp;
  }

  /** Takes one cell finding (see `isColumnCell`) of the table unit `unitPath`. */
  add(cell: Finding, unitPath: string): CellFate {
    const key = cell.key!;
    const id = `${unitPath}\0${key}\0${cell.kind}`;
    let col = this.columns.get(id);
    if (col === undefined) {
      const fingerprint = this.fingerprintOf(unitPath, key, cell.kind);
      if (this.options.ignored?.has(fingerprint)) return "ignored";
      col = {
        unitPath,
        key,
        kind: cell.kind,
        fingerprint,
        count: 0,
        firstLine: cell.line,
        lastLine: cell.line,
        sampleLines: [],
        first: cell,
        ruleCounts: new Map(),
        severity: cell.severity,
        confidence: cell.confidence,
        tags: new Set(),
        valueSum: 0,
        cells: this.cells === "small" ? [] : undefined,
      };
      this.columns.set(id, col);
    }
    col.count++;
    cell.columnFingerprint = col.fingerprint;
    const line = cell.line;
    if (line !== null) {
      if (col.firstLine === null || line < col.firstLine) col.firstLine = line;
      if (col.lastLine === null || line > col.lastLine) col.lastLine = line;
      const s = col.sampleLines;
      if (s.length < SAMPLE_LINES && s[s.length - 1] !== line) s.push(line);
    }
    col.ruleCounts.set(cell.ruleId, (col.ruleCounts.get(cell.ruleId) ?? 0) + 1);
    if (SEVERITY_RANK[cell.severity] > SEVERITY_RANK[col.severity]) col.severity = cell.severity;
    if (CONFIDENCE_RANK[cell.confidence] > CONFIDENCE_RANK[col.confidence]) col.confidence = cell.confidence;
    for (const t of cell.tags) col.tags.add(t);
    if (cell.commit !== undefined) col.commit = cell.commit;
    col.valueSum = (col.valueSum + parseInt(cell.valueHash.slice(0, 12) || "0", 16)) % HASH_MOD;
    if (col.cells !== undefined) {
      if (col.count <= this.smallColumn) col.cells.push(cell);
      else col.cells = undefined;
    }
    return this.cells === "all" ? "emit" : "held";
  }

  /** Columns counted since the last flush. */
  get size(): number {
    return this.columns.size;
  }

  /**
   * The column findings of every column counted since the last flush (only those of `unitPath`
   * when given), in table order (first line, then key and kind), each followed by the cells it
   * kept (cells "small" and at most `smallColumn` of them); then forgets those columns.
   */
  flush(unitPath?: string): Finding[] {
    const out: Finding[] = [];
    const done: Column[] = [];
    for (const [id, col] of this.columns) {
      if (unitPath !== undefined && col.unitPath !== unitPath) continue;
      done.push(col);
      this.columns.delete(id);
    }
    done.sort((a, b) => cmp(a.unitPath, b.unitPath) || (a.firstLine ?? 0) - (b.firstLine ?? 0) || cmp(a.key, b.key) || cmp(a.kind, b.kind));
    for (const col of done) {
      out.push(toColumnFinding(col));
      if (col.cells !== undefined) for (const c of col.cells) out.push(c);
    }
    return out;
  }
}

/** A personal-data finding with a column key and a record: a cell, when its unit is a table. */
export function isColumnCell(f: Finding): boolean {
  return f.category === "pii" && f.key !== undefined && f.record !== undefined && f.record >= 0 && f.unit === undefined && f.columnFingerprint === undefined;
}

function toColumnFinding(col: Column): Finding {
  let ruleId = col.first.ruleId;
  let best = 0;
  for (const [id, n] of col.ruleCounts) if (n > best) [ruleId, best] = [id, n];
  return {
    ruleId,
    category: col.first.category,
    kind: col.kind,
    severity: col.severity,
    confidence: col.confidence,
    path: col.unitPath,
    line: col.firstLine,
    column: null,
    endLine: col.firstLine,
    endColumn: null,
    redacted: col.first.redacted,
    fingerprint: col.fingerprint,
    valueHash: `column:${col.valueSum.toString(16).padStart(12, "0")}`,
    key: col.key,
    tags: [...col.tags],
    ...(col.commit !== undefined ? { commit: col.commit } : {}),
    unit: "column",
    count: col.count,
    firstLine: col.firstLine,
    lastLine: col.lastLine,
    sampleLines: [...col.sampleLines],
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
