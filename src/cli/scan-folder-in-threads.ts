import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config/config-schema.js";
import type { Finding } from "../engine/types.js";
import { assessImpact, type ImpactFact } from "../impact/assess-impact.js";
import type { TableSchemas } from "../decode/collect-table-schemas.js";
import type { Rule } from "../rules/rule-schema.js";
import type { ScanInput, ScanResult, ScanStats, Skipped } from "../scan/scan-files.js";
import type { CellDetail } from "../scan/column-accumulator.js";
import type { TablePersons } from "../impact/table-persons.js";

export interface ThreadBatch {
  index: number;
  root: string;
  /** Files to read under `root`; or, when `inputs` is given, their paths (for naming only). */
  paths: string[];
  /** Content already read (standard input, a git range): scanned as given. */
  inputs?: ScanInput[];
  config: Config;
  /** Sent with a thread's first batch only (compiled once there). */
  rules?: Rule[];
  /** Tables defined in the folder (collectFolderSchemas); sent with a thread's first batch only. */
  tableSchemas?: TableSchemas;
  ignored: ReadonlySet<string>;
  fingerprintKey: Uint8Array;
  /** Cells reported beside column findings (see CellDetail). */
  cells?: CellDetail;
  /**
   * Sent with a thread's first batch when files have a time budget: shared memory where the
   * thread writes [batch index, index in `paths` of the file it starts, files started so far].
   */
  progress?: Int32Array;
}

export interface ThreadBatchResult {
  index: number;
  /** Each file's findings, one list per file as scanFiles gave them (a history regroups them file by file). */
  findings: Finding[][];
  facts: ImpactFact[];
  tableRecords: Map<string, number>;
  /** Tables read in batches, counted in the thread. */
  tables: TablePersons[];
  secrets: number;
  stats: ScanStats;
}

export interface ThreadScanOptions {
  threads: number;
  rules: Rule[];
  ignored: ReadonlySet<string>;
  fingerprintKey: Uint8Array;
  publicRepository?: boolean;
  /** When the leak became known: the PPC report dates. */
  knownAt?: Date;
  /**
   * Each file's findings, in order, one call per file as scanFiles makes them (batches finish in
   * any order; they are passed on in order), so a caller that regroups findings per call (history)
   * sees the same calls with threads as without.
   */
  onFindings: (findings: Finding[]) => void;
  onProgress?: (files: number, bytes: number) => void;
  /**
   * Time budget of one file in ms (0: none). A file past it ends its thread; it is listed as
   * skipped (`timeout`) and the scan goes on with a new thread.
   */
  fileTimeoutMs?: number;
  /** The compiled thread module (default: cli-scan-thread.js beside this file). */
  threadUrl?: URL;
  /** Tables defined in the folder, for SQL dumps without column lists. */
  tableSchemas?: TableSchemas;
  /** Cells reported beside column findings (see CellDetail; default "small"). */
  cells?: CellDetail;
}

interface Batch {
  index: number;
  paths: string[];
  inputs?: ScanInput[];
}

/** Files per batch: small enough to balance the threads, large enough to keep messages few. */
const BATCH = 64;

/** The compiled thread module next to this file, or undefined when running from sources (tests). */
export function defaultCliThreadUrl(): URL | undefined {
  const url = new URL("./cli-scan-thread.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * `mamori scan` of a folder on several threads: the file list is cut into batches that the
 * threads read and scan; findings come back in path order and the impact is assessed once over
 * all of them (persons are deduplicated across every file). A thread that fails fails the scan;
 * a file past `fileTimeoutMs` is skipped (`timeout`) and its thread replaced. `work` is either
 * paths under `root`, or content already read (standard input, a git range, one file): then
 * batches are taken from it as threads ask, so a long history is never held whole.
 */
export async function scanFolderInThreads(root: string, work: string[] | Iterable<ScanInput>, config: Config, options: ThreadScanOptions): Promise<ScanResult> {
  const started = Date.now();
  const threadUrl = options.threadUrl ?? defaultCliThreadUrl();
  if (!threadUrl) throw new Error("cli-scan-thread.js not found: build first (npm run build)");
  const batches: Batch[] = [];
  let pending: Iterator<ScanInput> | undefined;
  if (Array.isArray(work) && (work.length === 0 || typeof work[0] === "string")) {
    const paths = work as string[];
    for (let i = 0; i < paths.length; i += BATCH) batches.push({ index: batches.length, paths: paths.slice(i, i + BATCH) });
  } else pending = (work as Iterable<ScanInput>)[Symbol.iterator]();
  /** The next batch of content to scan, pulled from `work` when a thread asks. */
  let pulled = batches.length;
  const pull = (): Batch | undefined => {
    if (!pending) return undefined;
    const inputs: ScanInput[] = [];
    for (let next = pending.next(); !next.done; next = inputs.length < BATCH ? pending.next() : { done: true, value: undefined }) inputs.push(next.value);
    if (inputs.length === 0) {
      pending = undefined;
      return undefined;
    }
    return { index: pulled++, paths: inputs.map((i) => i.path), inputs };
  };
  const done = new Map<number, ThreadBatchResult>();
  const facts: ImpactFact[] = [];
  const tableRecords = new Map<string, number>();
  const tables: TablePersons[] = [];
  const stats: ScanStats = { files: 0, bytes: 0, skipped: [], durationMs: 0 };
  let secrets = 0;
  let flushed = 0; // next batch to pass on

  const flush = () => {
    for (let r = done.get(flushed); r !== undefined; r = done.get(flushed)) {
      done.delete(flushed++);
      for (const found of r.findings) if (found.length > 0) options.onFindings(found);
      for (const f of r.facts) facts.push(f);
      for (const [k, v] of r.tableRecords) tableRecords.set(k, v);
      for (const t of r.tables) tables.push(t);
      secrets += r.secrets;
      stats.files += r.stats.files;
      stats.bytes += r.stats.bytes;
      stats.skipped.push(...r.stats.skipped);
      options.onProgress?.(stats.files, stats.bytes);
    }
  };

  // Batches still to hand out; a batch cut short by a file past its budget comes back with the rest.
  const queue: Batch[] = batches;
  const timedOut = new Map<number, Skipped[]>();
  const fileTimeoutMs = options.fileTimeoutMs ?? 0;
  const live = new Set<Worker>();
  try {
    await new Promise<void>((resolve, reject) => {
      let running = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (!failed) reject(error);
        failed = true;
      };
      const startThread = () => {
        const worker = new Worker(threadUrl);
        live.add(worker);
        running++;
        let first = true;
        let batch: Batch | undefined;
        let stopped = false;
        // The file being scanned is read from shared memory by a watchdog: a file past its budget
        // is named and skipped without a message per file.
        const progress = fileTimeoutMs > 0 ? new Int32Array(new SharedArrayBuffer(12)) : undefined;
        let startedAtGive = 0; // files started when the current batch was given
        let seen = 0;
        let since = 0;
        const watchdog = progress
          ? setInterval(() => {
              if (stopped || !batch) return;
              const started = Atomics.load(progress, 2);
              if (started === startedAtGive || Atomics.load(progress, 0) !== batch.index) return; // no file of this batch started yet
              const now = Date.now();
              if (started !== seen) {
                seen = started;
                since = now;
                return;
              }
              if (now - since < fileTimeoutMs) return;
              // The file runs past its budget: the thread is ended, the file listed as skipped,
              // and the rest of its batch handed out again (to a fresh thread).
              const at = Atomics.load(progress, 1);
              const cut = batch;
              const path = cut.paths[at];
              stop();
              const list = timedOut.get(cut.index) ?? [];
              list.push({ path, reason: `timeout: not scanned within ${fileTimeoutMs / 1000} s (--file-timeout)` });
              timedOut.set(cut.index, list);
              const without = <T>(list: T[]) => [...list.slice(0, at), ...list.slice(at + 1)];
              queue.unshift({ index: cut.index, paths: without(cut.paths), ...(cut.inputs ? { inputs: without(cut.inputs) } : {}) });
              startThread();
            }, Math.max(1, Math.min(100, Math.floor(fileTimeoutMs / 10))))
          : undefined;
        const stop = () => {
          stopped = true;
          clearInterval(watchdog);
          live.delete(worker);
          void worker.terminate();
          running--;
        };
        const give = () => {
          batch = queue.shift() ?? pull();
          if (!batch) {
            stop();
            if (running === 0) resolve();
            return;
          }
          if (progress) seen = startedAtGive = Atomics.load(progress, 2);
          const message: ThreadBatch = { index: batch.index, root, paths: batch.paths, ...(batch.inputs ? { inputs: batch.inputs } : {}), config, ignored: options.ignored, fingerprintKey: options.fingerprintKey, cells: options.cells, ...(first ? { rules: options.rules, tableSchemas: options.tableSchemas, ...(progress ? { progress } : {}) } : {}) };
          first = false;
          worker.postMessage(message);
        };
        worker.on("message", (reply: ThreadBatchResult | { index: number; error: string }) => {
          if (stopped) return;
          if ("error" in reply) return fail(new Error(`scan thread failed: ${reply.error}`));
          const extra = timedOut.get(reply.index);
          if (extra) reply.stats.skipped.push(...extra);
          done.set(reply.index, reply);
          flush();
          give();
        });
        worker.on("error", (error) => !stopped && fail(error));
        worker.on("exit", (code) => (stopped || code === 0 ? undefined : fail(new Error(`scan thread exited with code ${code}`))));
        give();
      };
      const count = pending ? options.threads : Math.min(options.threads, batches.length);
      if (count === 0) return resolve();
      for (let i = 0; i < count; i++) startThread();
    });
  } finally {
    await Promise.all([...live].map((w) => w.terminate()));
  }
  flush();
  const impact = assessImpact(facts, { publicRepository: options.publicRepository, tableRecords, secrets, knownAt: options.knownAt, damages: config.impact, tables });
  stats.durationMs = Date.now() - started;
  return { findings: [], impact, stats };
}
