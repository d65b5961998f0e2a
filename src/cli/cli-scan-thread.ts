// Worker-thread entry of `mamori scan` on a folder: scans batches of files it reads itself and
// posts back their findings (redacted previews and hashes only) and impact facts.
import { parentPort } from "node:worker_threads";
import type { CompiledRules } from "../engine/compile-rules.js";
import { compileJobRules } from "../worker/compile-job-rules.js";
import type { Finding } from "../engine/types.js";
import { collectTableSchemas, mayDefineTables, type TableSchemas } from "../decode/collect-table-schemas.js";
import type { Rule } from "../rules/rule-schema.js";
import { scanFiles, type ScanInput, type Skipped } from "../scan/scan-files.js";
import { readFiles } from "./read-files.js";
import type { ThreadBatch, ThreadBatchResult } from "./scan-folder-in-threads.js";

let compiled: CompiledRules | undefined;
let rules: Rule[] = [];
let tableSchemas: TableSchemas | undefined;
/** Shared with the main thread: [batch index, position of the file being scanned, files started]. */
let progress: Int32Array | undefined;

parentPort!.on("message", (batch: ThreadBatch) => {
  try {
    if (batch.rules) {
      rules = batch.rules;
      compiled = compileJobRules(rules, batch.config.custom.map((r) => r.id)); // custom rules on RE2, as in the App
      tableSchemas = batch.tableSchemas;
    }
    if (batch.progress) progress = batch.progress;
    if (!compiled) throw new Error("no rules received");
    const findings: Finding[][] = [];
    const unreadable: Skipped[] = [];
    // Tell the main thread which file starts, so a file past its time budget can be named and
    // skipped: written to shared memory (a message per file cost more than scanning small files).
    // The position is the file's index in `batch.paths` (unreadable files are never announced).
    const announce = function* (inputs: Iterable<ScanInput>) {
      let at = 0;
      for (const input of inputs) {
        if (progress) {
          if (!batch.inputs) while (at < batch.paths.length - 1 && batch.paths[at] !== input.path) at++;
          Atomics.store(progress, 0, batch.index);
          Atomics.store(progress, 1, at);
          Atomics.add(progress, 2, 1);
        }
        at++;
        yield input;
      }
    };
    const source = batch.inputs ?? readFiles(batch.root, batch.paths, unreadable);
    // Content handed over whole (one file, standard input, a git range): its own table definitions
    // give their columns, as scanFiles gives them to an array of inputs.
    let schemas = tableSchemas;
    if (batch.inputs && !schemas) {
      schemas = new Map();
      for (const input of batch.inputs) if (mayDefineTables(input.path)) collectTableSchemas(input.path, new TextDecoder().decode(input.bytes), schemas);
    }
    const result = scanFiles(announce(source), batch.config, {
      rules,
      compiled,
      ignoredFingerprints: batch.ignored,
      fingerprintKey: batch.fingerprintKey,
      keepFacts: true,
      countTables: true,
      tableSchemas: schemas,
      cells: batch.cells,
      onFindings: (found) => findings.push(found),
    });
    result.stats.skipped.push(...unreadable);
    const reply: ThreadBatchResult = {
      index: batch.index,
      findings,
      facts: result.facts ?? [],
      tableRecords: result.tableRecords ?? new Map(),
      tables: result.tables ?? [],
      secrets: result.secrets ?? 0,
      stats: result.stats,
    };
    parentPort!.postMessage(reply);
  } catch (error) {
    parentPort!.postMessage({ index: batch.index, error: String((error as Error)?.message ?? error) });
  }
});
