import type { Category, Confidence, Severity } from "../rules/rule-schema.js";

/** A place in the original file: 1-based line, 1-based column counted in characters (code points). */
export interface Location {
  line: number | null;
  column: number | null;
  /** Set when the location is better named by a suffix of the path, e.g. "C12" for a cell of the unit `book.xlsx!Sheet1`. */
  pathSuffix?: string;
}

/** What a structured decoder knows about an offset: the column header / JSON key and the record (row). */
export interface FieldInfo {
  /** Header name of the CSV/TSV/SQL column, or JSON key path's last key. */
  key: string;
  /** 0-based index of the record (row, object, INSERT tuple) in the unit; one record is one person. */
  record: number;
}

/**
 * A text unit: what the decode stage hands the engine. The engine never reads files; it only
 * sees these. `text` is what is matched (decoded, possibly NFKC-normalised); `locate` maps an
 * offset in `text` back to the original file's line and character column.
 */
export interface TextUnit {
  /** Path relative to the scanned root; inside an archive: "archive.zip!inner/path.csv". */
  path: string;
  text: string;
  /** Maps a UTF-16 offset in `text` to the original location. Default: lines and code-point columns of `text`. */
  locate?: (offset: number) => Location;
  /** Structured context at an offset (CSV header, JSON key). Absent for plain text. */
  fieldAt?: (offset: number) => FieldInfo | undefined;
  /**
   * The distinct keys `fieldAt` can return (CSV headers, JSON keys, SQL columns). Lets the
   * engine skip a column-driven rule at once when no column could give it context.
   */
  keys?: () => Iterable<string> | undefined;
  /** Number of records when the unit is a table (for persons counting). */
  records?: number;
  /**
   * The records are literals in source code or YAML (`{ name: … }`, `create!(name: …)`, fixture
   * entries), not rows: a line is still a line (line allowlists apply).
   */
  codeRecords?: boolean;
  /** First line number of `text` in the original file, when the unit is a slice (git diff hunk). Default 1. */
  firstLine?: number;
  /** For a diff hunk: only findings on these original lines are reported (added lines). */
  onlyLines?: ReadonlySet<number>;
}

export interface Finding {
  ruleId: string;
  category: Category;
  kind: string;
  severity: Severity;
  confidence: Confidence;
  path: string;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** Masked preview: never the whole value. */
  redacted: string;
  /** Stable id: rule id + path + salted hash of the value; does not change when lines move. */
  fingerprint: string;
  /** Salted hash of the normalised value alone: joins the same person across files. Never the value. */
  valueHash: string;
  /** 0-based record index within the unit when the unit is a table. */
  record?: number;
  /** Header / key that gave context. */
  key?: string;
  tags: string[];
  /** The commit that added the value, when history was scanned. */
  commit?: string;
  /** Set by opt-in live verification (`--verify`): whether the provider still accepts the credential. */
  verified?: "live" | "revoked" | "unknown";
  /**
   * "column": a column finding of a table (src/scan/column-accumulator.ts): personal data of one
   * kind in one column (`key`) of the table unit `path`, `count` cells from `firstLine` to
   * `lastLine`; `line` is `firstLine`, `redacted` the first cell's preview, `fingerprint` is
   * per path + key + kind. Absent: a finding of one value.
   */
  unit?: "column";
  /** Column findings: cells of this kind in the column. */
  count?: number;
  /** Column findings: line (row) of the first and of the last such cell. */
  firstLine?: number | null;
  lastLine?: number | null;
  /** Column findings: up to 5 lines (rows) with such a cell, first ones first. */
  sampleLines?: number[];
  /** A cell of a table: the fingerprint of its column finding (set by the column accumulator). */
  columnFingerprint?: string;
}
