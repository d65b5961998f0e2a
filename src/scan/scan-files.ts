import { minimatch } from "minimatch";
import type { Config } from "../config/config-schema.js";
import { collectTableSchemas, mayDefineTables, type TableSchemas } from "../decode/collect-table-schemas.js";
import { decodeFile } from "../decode/decode-file.js";
import { compileRules, type CompiledRules } from "../engine/compile-rules.js";
import { expandBase64Secrets } from "../engine/expand-base64-secrets.js";
import { expandEncodedValues } from "../engine/expand-encoded-values.js";
import { dropPersonlessLocations } from "../engine/drop-personless-locations.js";
import { scanUnit } from "../engine/scan-unit.js";
import { selectCompiledRules } from "../engine/select-compiled-rules.js";
import type { Finding, TextUnit } from "../engine/types.js";
import { assessImpact, type ImpactFact } from "../impact/assess-impact.js";
import type { Impact } from "../impact/types.js";
import type { Rule } from "../rules/rule-schema.js";
import { unitOf } from "../impact/unit-of.js";
import { ColumnAccumulator, isColumnCell, type CellDetail } from "./column-accumulator.js";
import { filterFindings } from "./filter-findings.js";
import { redactErrorText } from "./redact-error-text.js";
import { collectGarbageAbove } from "./collect-garbage-above.js";
import { TablePersonsCounter, type TablePersons } from "../impact/table-persons.js";
import { sliceChunks, STREAM_TABLE_FROM, streamableTableKind, streamTableUnits, UnstreamableTable, type TableBatch } from "../decode/stream-table-units.js";
import { keepMedicalContext } from "./keep-medical-context.js";

/** Heap above which a streamed table's batch is followed by a garbage collection (bounded memory). */
const STREAM_HEAP_BYTES = 64 * 1024 * 1024;

export interface ScanInput {
  /** Path relative to the scanned root, with "/" separators. */
  path: string;
  bytes: Uint8Array;
  /** Report only findings on these 1-based lines (the lines a commit added); absent: the whole file. */
  onlyLines?: ReadonlySet<number>;
  /** The commit that added the lines, when scanning history. */
  commit?: string;
  /** Already decoded units (a database table's rows): `bytes` is then not decoded. */
  units?: TextUnit[];
  /**
   * A large table read from disk as it is scanned (CSV/TSV/NDJSON over STREAM_TABLE_FROM bytes):
   * its bytes in chunks (`bytes` is then empty) and its size. Read in batches of rows, within
   * `scan.maxTableBytes` rather than `scan.maxFileBytes`.
   */
  chunks?: () => Iterable<Uint8Array>;
  size?: number;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  skipped: Skipped[];
  durationMs: number;
}

export interface ScanResult {
  findings: Finding[];
  impact: Impact;
  stats: ScanStats;
  /** With `keepFacts`: what the impact was assessed from, so partial scans can be merged. */
  facts?: ImpactFact[];
  tableRecords?: Map<string, number>;
  secrets?: number;
  /** With `keepFacts`: tables read in batches and counted as they were read (their cells are not among `facts`). */
  tables?: TablePersons[];
}

export interface ScanOptions {
  /** The rules to run (already selected for the configuration). */
  rules: readonly Rule[];
  /** Fingerprints accepted in `.mamoriignore` (in addition to the config's `allow`). */
  ignoredFingerprints?: ReadonlySet<string>;
  /** A public repository: any My Number leak is visible to unspecified people. */
  publicRepository?: boolean;
  /** Called after each file with the number of files and bytes done. */
  onProgress?: (files: number, bytes: number) => void;
  /**
   * The secret key of fingerprints and value hashes (HMAC): from MAMORI_FINGERPRINT_KEY, a key
   * file, or derived from the GitHub App's private key; never from the scanned repository.
   */
  fingerprintKey: Uint8Array | null;
  /** Reuse compiled rules across calls (the CLI compiles once per run, the app once per job). */
  compiled?: CompiledRules;
  /**
   * Receives each file's findings as soon as they are known (in order); they are then not kept
   * in `ScanResult.findings`, so a 100,000-row export does not hold its findings in memory.
   */
  onFindings?: (findings: Finding[]) => void;
  /** When the leak became known (default: now): the PPC report dates. */
  knownAt?: Date;
  /** Return the impact facts too (a scan split over threads assesses the impact once, at the end). */
  keepFacts?: boolean;
  /**
   * Tables defined in the scanned tree (collectTableSchemas), for SQL without column lists. When
   * absent and `inputs` is an array, they are collected from the inputs first.
   */
  tableSchemas?: TableSchemas;
  /**
   * Tables speak in columns: personal data in a table is reported as column findings (one per
   * column and kind). Which cells are reported beside them (default "small": the cells of
   * columns with at most SMALL_COLUMN_CELLS of them; see CellDetail). Impact counts every cell.
   */
  cells?: CellDetail;
  /**
   * A column accumulator owned by the caller (a database table read in batches): its columns
   * are then not flushed here, the caller flushes them when the table ends.
   */
  columns?: ColumnAccumulator;
  /**
   * Count the persons of a table read in batches as it is read (TablePersonsCounter: memory
   * bounded by rows, not by cells) instead of keeping one fact per cell. Default: true, except
   * with `keepFacts` (the App compares cells with the base); threads and scan-db set it.
   */
  countTables?: boolean;
  /** Bytes of rows decoded and scanned at a time in a streamed table (default TABLE_BATCH_BYTES; tests use small batches). */
  tableBatchBytes?: number;
}

/**
 * The whole pipeline over files given as bytes: decode -> engine -> filters -> impact. Paths
 * ignored by the configuration are not scanned; files that cannot be decoded are listed in
 * `stats.skipped` with the reason, never silently passed.
 */
export function scanFiles(inputs: Iterable<ScanInput>, config: Config, options: ScanOptions): ScanResult {
  const started = Date.now();
  const compiled = options.compiled ?? compileRules(options.rules);
  const findings: Finding[] = [];
  const facts: ImpactFact[] = [];
  let secrets = 0;
  const skipped: Skipped[] = [];
  const tableRecords = new Map<string, number>();
  const tablePersons: TablePersons[] = [];
  const filterContext = { config, ignoredFingerprints: options.ignoredFingerprints ?? new Set<string>() };
  let files = 0;
  let bytes = 0;
  const ignore = config.paths.ignore;
  const include = config.paths.include;
  let tableSchemas = options.tableSchemas;
  if (!tableSchemas && Array.isArray(inputs)) {
    tableSchemas = new Map();
    for (const input of inputs as ScanInput[]) {
      if (mayDefineTables(input.path)) collectTableSchemas(input.path, new TextDecoder().decode(input.bytes), tableSchemas);
    }
  }
  const accepted = config.allow.length > 0 ? new Set([...config.allow.map((a) => a.fingerprint), ...filterContext.ignoredFingerprints]) : filterContext.ignoredFingerprints;
  const columns = options.columns ?? new ColumnAccumulator({ salt: config.scan.salt, key: options.fingerprintKey === undefined ? config.scan.salt : options.fingerprintKey, ignored: accepted, cells: options.cells ?? "small" });
  const decodeOptions = tableSchemas && tableSchemas.size > 0 ? { ...config.scan, tableSchemas } : config.scan;
  for (const input of inputs) {
    if (ignore.some((g) => minimatch(input.path, g, { dot: true, matchBase: !g.includes("/") }))) continue;
    if (include.length > 0 && !include.some((g) => minimatch(input.path, g, { dot: true, matchBase: !g.includes("/") }))) continue;
    files++;
    const streamKind = input.units ? undefined : streamableTableKind(input.path);
    const size = input.chunks ? input.size ?? 0 : input.bytes.length;
    bytes += size;
    const maxTable = config.scan.maxTableBytes;
    // A large CSV/TSV/NDJSON is read in batches of rows (bounded memory); the CLI hands it over as chunks from disk.
    const streamed = streamKind !== undefined && (input.chunks !== undefined || (input.bytes.length >= STREAM_TABLE_FROM && !mayBeUtf16(input.bytes)));
    if (streamed && size > maxTable) {
      skipped.push({ path: input.path, reason: `too large (${size} bytes > ${maxTable}, scan.maxTableBytes)` });
      options.onProgress?.(files, bytes);
      continue;
    }
    if (input.chunks && !streamed) throw new Error(`${input.path}: chunks given for a file that is not a table`);
    const decoded = streamed || input.units ? { units: input.units ?? [], skipped: [] } : decodeFile(input.path, input.bytes, decodeOptions);
    // A reason can carry a parser's message (corrupt archive, database): redacted like findings.
    skipped.push(...decoded.skipped.map((s) => (s.reason.includes(":") ? { ...s, reason: redactErrorText(s.reason, compiled) } : s)));
    /** Table units of this file (records that are rows, not literals in code): their cells become column findings. */
    const tables = new Map<string, number>();
    const scanOptions = {
      salt: config.scan.salt,
      key: options.fingerprintKey,
      onLimit: (ruleId: string, limit: number) =>
        skipped.push({ path: input.path, reason: `partly scanned: rule ${ruleId} stopped after ${limit} candidates` }),
    };
    const batches: Iterable<{ units: TextUnit[]; records?: number; repeatsHeader?: boolean }> = streamed
      ? mapBatches(streamTableUnits(input.path, streamKind!, input.chunks ? input.chunks() : sliceChunks(input.bytes), options.tableBatchBytes))
      : [{ units: decoded.units }];
    let streamRecords = 0;
    const counter = streamed && (options.countTables ?? !options.keepFacts) ? new TablePersonsCounter(input.path) : undefined;
    const fact = (f: Finding) => (counter ? counter.add(f) : facts.push(toFact(f)));
    try {
      for (const batch of batches) {
        let found: Finding[] = [];
        for (const unit of batch.units) {
          if (input.onlyLines && unit.path === input.path) unit.onlyLines = input.onlyLines;
          if (batch.records !== undefined) {
            // a batch of a streamed table: records continue across batches
            streamRecords += batch.records;
            tableRecords.set(unit.path, streamRecords);
            if (streamRecords > 0) tables.set(unit.path, streamRecords);
          } else if (unit.records !== undefined) {
            tableRecords.set(unit.path, unit.records);
            if (!unit.codeRecords && unit.records > 0) tables.set(unit.path, unit.records);
          }
          // The person model: a unit where nobody is identified holds a location list, not persons.
          let list = dropPersonlessLocations(scanUnit(compiled, unit, scanOptions));
          // a later batch repeats the header row (its lines are null): what is found there was found in the first batch
          if (batch.repeatsHeader) list = list.filter((f) => f.line !== null);
          found = found.length === 0 ? list : found.concat(list);
          // Base64 values of Kubernetes Secrets and kubeconfigs, decoded; reported on the encoded line
          // unless the encoded form was already found there.
          const k8s = expandBase64Secrets(unit);
          // Base64-wrapped, URL-encoded and JSON-escaped credentials anywhere: credential rules only.
          const encoded = expandEncodedValues(unit);
          if (k8s.length > 0 || encoded.length > 0) {
            const own = new Set(list); // \`found\` may be \`list\` itself: remember which findings the unit gave
            const at = new Set(list.map((f) => `${f.line}\0${f.kind}`));
            const decodedLines = new Set<number | null>();
            for (const [extras, secretsOnly] of [[k8s, false], [encoded, true]] as const) {
              // Decoded lines are read for credentials only: the personal-data rules need not run on them.
              const ruleSet = secretsOnly ? selectCompiledRules(compiled, "secrets", (r) => r.rule.category === "secret") : compiled;
              for (const extra of extras) {
                for (const f of scanUnit(ruleSet, extra, scanOptions)) {
                  if (secretsOnly && f.category !== "secret") continue;
                  if (batch.repeatsHeader && f.line === null) continue;
                  if (at.has(`${f.line}\0${f.kind}`)) continue;
                  at.add(`${f.line}\0${f.kind}`);
                  found.push(f);
                  decodedLines.add(f.line);
                }
              }
            }
            // What the decoded value revealed replaces a generic finding on the encoded blob.
            found = found.filter((f) => !(f.ruleId.startsWith("generic-") && decodedLines.has(f.line) && own.has(f)));
          }
        }
        found = keepMedicalContext(filterFindings(found, filterContext));
        const reported: Finding[] = [];
        for (const f of found) {
          if (input.commit) f.commit = input.commit;
          if (tables.size > 0 && isColumnCell(f)) {
            const table = unitOf(f.path, tables);
            if (tables.has(table)) {
              const fate = columns.add(f, table);
              if (fate === "ignored") continue;
              fact(f);
              if (fate === "emit") reported.push(f);
              continue;
            }
          }
          if (f.category === "pii") fact(f);
          else secrets++;
          reported.push(f);
        }
        found = reported;
        counter?.endBatch();
        if (streamed) {
          collectGarbageAbove(STREAM_HEAP_BYTES);
          // a streamed table: its cells and secrets go out batch by batch, its columns when it ends
          if (found.length > 0) {
            if (options.onFindings) options.onFindings(found);
            else for (const f of found) findings.push(f);
          }
          continue;
        }
        if (!options.columns && columns.size > 0) found = inTableOrder(found.concat(columns.flush()));
        if (options.onFindings) {
          if (found.length > 0) options.onFindings(found);
        } else for (const f of found) findings.push(f);
      }
    } catch (err) {
      if (!(err instanceof UnstreamableTable)) throw err;
      skipped.push({ path: input.path, reason: `too large to read whole (${size} bytes) and ${err.message}` });
    }
    if (counter) tablePersons.push(counter.finish());
    if (streamed && !options.columns && columns.size > 0) {
      const cols = columns.flush();
      if (options.onFindings) options.onFindings(cols);
      else for (const f of cols) findings.push(f);
    }
    options.onProgress?.(files, bytes);
  }
  const impact = assessImpact(facts, { publicRepository: options.publicRepository, tableRecords, secrets, knownAt: options.knownAt, damages: config.impact, tables: tablePersons });
  const stats = { files, bytes, skipped, durationMs: Date.now() - started };
  return { findings, impact, stats, ...(options.keepFacts ? { facts, tableRecords, secrets, tables: tablePersons } : {}) };
}

/** One file's findings in order of path, line and column (a column finding first on its line); stable. */
/** A byte-order mark of UTF-16 or NUL bytes near the start: not a table to cut at line-feed bytes. */
export function mayBeUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.subarray(0, 4096).includes(0);
}

function* mapBatches(batches: Iterable<TableBatch>): Generator<{ units: TextUnit[]; records: number; repeatsHeader: boolean }> {
  for (const b of batches) yield { units: [b.unit], records: b.records, repeatsHeader: b.repeatsHeader };
}

function inTableOrder(list: Finding[]): Finding[] {
  return list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? -1) - (b.column ?? -1));
}

/** What the impact stage needs of a personal-data finding: no preview, no fingerprint. */
function toFact(f: Finding): ImpactFact {
  return { category: f.category, kind: f.kind, path: f.path, line: f.line, record: f.record, key: f.key, valueHash: f.valueHash, tags: f.tags };
}
