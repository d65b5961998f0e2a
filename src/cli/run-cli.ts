import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { configSchema, type Config } from "../config/config-schema.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { compileJobRules } from "../worker/compile-job-rules.js";
import { loadRules } from "../rules/load-rules.js";
import type { Confidence, Rule, Severity } from "../rules/rule-schema.js";
import { checkRuleSamples } from "../rules/check-rule-samples.js";
import { selectRules } from "../rules/select-rules.js";
import { createJsonWriter, toJson } from "../report/to-json.js";
import type { Finding } from "../engine/types.js";
import { createSarifWriter, toSarif } from "../report/to-sarif.js";
import { toText } from "../report/to-text.js";
import { toPpcDraft } from "../report/to-ppc.js";
import { readLeakSources } from "./read-leak-sources.js";
import { renderHtml } from "./render-html.js";
import { parseDbUrl, type DbTarget } from "../db/parse-db-url.js";
import { scanDatabase, type ScanDatabaseOptions } from "../db/scan-database.js";
import { isIncompleteSkip } from "../scan/is-incomplete-skip.js";
import { escapeControl } from "../report/escape-control.js";
import { redactErrorText } from "../scan/redact-error-text.js";
import { scanFiles, type ScanInput, type ScanResult, type Skipped } from "../scan/scan-files.js";
import type { CellDetail } from "../scan/column-accumulator.js";
import { completeColumns, regroupColumns } from "../scan/regroup-columns.js";
import { HELP } from "./help-text.js";
import { listFiles } from "./list-files.js";
import { parseIgnoreFile } from "./parse-ignore-file.js";
import { readFiles } from "./read-files.js";
import { collectFolderSchemas } from "./collect-folder-schemas.js";
import { defaultCliThreadUrl, scanFolderInThreads } from "./scan-folder-in-threads.js";
import { readGitRange } from "./read-git-range.js";
import { useColor } from "./use-color.js";
import { checkRevision } from "./check-revision.js";
import { gitLocation } from "./git-location.js";
import { listRules } from "./list-rules.js";
import { loadCliConfig } from "./load-cli-config.js";
import { looksLikeDiff, readDiffInput } from "./read-diff-input.js";
import { readStaged } from "./read-staged.js";
import { UsageError } from "./usage-error.js";
import { readFindingValue } from "../verify/read-finding-value.js";
import { verifyFindings } from "../verify/verify-findings.js";
import { installHook } from "./install-hook.js";
import { readBaseline } from "./read-baseline.js";
import { runBaseline } from "./run-baseline.js";
import { resolveFingerprintKey } from "./resolve-fingerprint-key.js";
import { runRekey } from "./run-rekey.js";
import { readConfigFromRev } from "./read-config-from-rev.js";

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdin: () => Buffer;
  /** Standard error is a terminal (progress line). */
  isTty: boolean;
  /** Standard output is a terminal (colours). */
  stdoutTty: boolean;
  version: string;
}

const SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];
const CONFIDENCES: Confidence[] = ["low", "medium", "high"];
/** Default time budget of one file in a folder scan, in seconds. */
const DEFAULT_FILE_TIMEOUT_S = 120;


/** Runs the `mamori` command; resolves to the exit code (0 clean, 1 findings, 2 error, 3 incomplete). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    const e = err as Error;
    // Redacted like findings: a config error can quote a line, a key or a rule id holding a value.
    io.stderr(`mamori: ${e instanceof UsageError ? "" : "error: "}${escapeControl(redactErrorText(e.message), { keepNewlines: true })}\n`);
    if (!(e instanceof UsageError) && process.env.MAMORI_DEBUG) io.stderr(`${e.stack}\n`);
    return 2;
  }
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.version) {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  // Commands of their own (src/cli/run-baseline.ts, install-hook.ts).
  if (command === "baseline" && !values.help) return runBaseline(argv.slice(argv.indexOf("baseline") + 1), io, runCli);
  if (command === "install-hook" && !values.help) {
    if (rest.length > 1) throw new UsageError(`install-hook takes one path, got ${rest.length}`);
    io.stdout(`mamori: wrote ${installHook(resolve(rest[0] ?? "."), values.force === true)} (git commit now runs mamori scan --staged)\n`);
    return 0;
  }
  if (values.help || command === undefined || command === "help") {
    io.stdout(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  const language = values.lang === undefined ? undefined : oneOf("--lang", values.lang, ["ja", "en"] as const);
  const format = oneOf("--format", values.format ?? "text", ["text", "json", "sarif", "html", "ppc"] as const);
  if (command === "rules") {
    const notes: string[] = [];
    const config = values.config === undefined ? undefined : loadCliConfig(values.config, notes);
    return listRules(io.stdout, format, language ?? config?.language ?? "en", { output: values.output, config });
  }
  const knownAt = values["known-since"] === undefined ? new Date() : parseKnownSince(values["known-since"]);
  if (command === "rekey") {
    if (rest.length > 1) throw new UsageError(`rekey takes one folder, got ${rest.length}`);
    const lines = runRekey({ target: rest[0] ?? ".", config: values.config, oldKeyFile: values["old-key-file"], fromUnkeyed: values["from-unkeyed"] === true, newKeyFile: values["new-key-file"] ?? values["fingerprint-key-file"], dryRun: values["dry-run"] === true });
    io.stdout(lines.map((l) => escapeControl(l)).join("\n") + "\n");
    return 0;
  }
  if (command !== "scan" && command !== "scan-db") throw new UsageError(`unknown command "${command}" (try mamori --help)`);
  if (rest.length > 1) throw new UsageError(`${command} takes one ${command === "scan" ? "path" : "URL"}, got ${rest.length}`);
  const db = command === "scan-db" ? dbTargetOf(rest[0] ?? process.env.MAMORI_DB_URL) : undefined;

  const target = db ? "-" : rest[0] ?? ".";
  const fromStdin = !db && target === "-";
  const root = fromStdin || db ? process.cwd() : resolve(target);
  if (!fromStdin && !db && !existsSync(root)) throw new UsageError(`no such file or folder: ${target}`);
  const rootIsFile = !fromStdin && !db && statSync(root).isFile();
  // Paths (and so fingerprints) are relative to the top of the git work tree, as the App reports them.
  const repo = db ? undefined : gitLocation(rootIsFile ? dirname(root) : root);
  const base = repo?.top ?? (rootIsFile ? dirname(root) : root);
  const notes: string[] = [];
  if (values.config && values["config-from"]) throw new UsageError("--config and --config-from exclude each other");
  // --config-from: configuration and ignores as they are at a revision (e.g. the base branch).
  const fromRev = values["config-from"] ? readConfigFromRev(base, values["config-from"]) : undefined;
  const configFile = fromRev ? fromRev.config?.file : values.config ?? (db ? undefined : findDefaultConfig([...(rootIsFile ? [] : [root]), ...(repo ? [repo.top] : [])]));
  const config = fromRev ? (fromRev.config ? parseConfigText(fromRev.config.text, fromRev.config.file) : configSchema.parse({})) : loadCliConfig(configFile, notes);
  if (values.quiet !== true) for (const note of notes) io.stderr(`mamori: note: ${escapeControl(redactErrorText(note))}\n`);
  const failOn = values["fail-on"] === undefined ? config.failOn : oneOf("--fail-on", values["fail-on"], SEVERITIES);
  if (values["min-confidence"] !== undefined) config.minConfidence = oneOf("--min-confidence", values["min-confidence"], CONFIDENCES);
  if (values["fail-on-confidence"] !== undefined) config.failOnConfidence = oneOf("--fail-on-confidence", values["fail-on-confidence"], CONFIDENCES);
  const failConfidence = CONFIDENCES.indexOf(config.failOnConfidence);
  if (values.detail !== undefined) config.scan.detail = oneOf("--detail", values.detail, ["auto", "columns", "cells"] as const);
  // Tables speak in columns; JSON keeps the cells of ordinary-size columns too (--detail auto).
  const cells: CellDetail = config.scan.detail === "cells" ? "all" : config.scan.detail === "columns" || format !== "json" ? "none" : "small";
  // In history (--since) every cell comes back, to be compared with earlier commits before the columns are made.
  const scanCells: CellDetail = values.since !== undefined ? "all" : cells;
  const lang = language ?? config.language;

  const builtin = loadRules();
  const rules = selectRules(builtin, config);
  // One engine with the App: a repository's custom rules compile with RE2 (linear time), and a
  // pattern RE2 cannot run fails here, before any file is read, naming the rule.
  const compiled = compileJobRules(rules, config.custom.map((r) => r.id));
  if (config.custom.length > 0) {
    // Custom rules' own samples must hold, as the built-in ones do in the tests.
    const selected = new Set(rules.map((r) => r.id));
    const broken = checkRuleSamples(config.custom.filter((r) => selected.has(r.id)), compiled);
    if (broken.length > 0) throw new UsageError(`${configFile}: custom rules do not match their samples\n${broken.slice(0, 10).join("\n")}\nFix the rule's pattern or its samples.`);
  }
  // .mamoriignore of the scanned folder and of the top of its work tree (--config-from: at that revision); --baseline: a saved report's findings.
  const ignored = values.baseline === undefined ? new Set<string>() : readBaseline(values.baseline);
  if (fromRev) for (const fp of parseIgnoreFile(fromRev.ignore ?? "")) ignored.add(fp);
  else for (const dir of db ? [] : new Set([...(rootIsFile ? [] : [root]), ...(repo ? [repo.top] : [])])) {
    const file = join(dir, ".mamoriignore");
    if (existsSync(file)) for (const fp of parseIgnoreFile(readFileSync(file, "utf8"))) ignored.add(fp);
  }

  const fingerprint = resolveFingerprintKey({ keyFile: values["fingerprint-key-file"], root: fromStdin ? undefined : rootIsFile ? resolve(root, "..") : root });
  if (fingerprint.created) {
    io.stderr(`mamori: created a fingerprint key in ${fingerprint.created} (fingerprints are keyed per user; to match the App's, set the same MAMORI_FINGERPRINT_KEY on both)\n`);
  }
  const threads = values.threads === undefined ? Math.min(availableParallelism(), 4) : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError(`--threads must be a whole number from 1 to 64, got "${values.threads}"`);
  const unreadable: Skipped[] = [];
  let inputs: Iterable<ScanInput> = [];
  let folder: string[] | undefined;
  let stdinBytes: Uint8Array | undefined;
  if (db) inputs = [];
  else if (values.staged) {
    if (fromStdin || values.since) throw new UsageError("--staged scans what is staged for the next commit: it does not go with - or --since");
    if (!repo) throw new UsageError(`--staged needs a git repository: ${target} is not inside one`);
    inputs = readStaged(repo.top);
  } else if (fromStdin) {
    // A diff (git diff | mamori scan -) is read as what it adds, at its real paths and lines.
    const bytes = io.stdin();
    stdinBytes = bytes;
    inputs = looksLikeDiff(bytes) ? readDiffInput(bytes, unreadable) : [{ path: values["stdin-path"] ?? "stdin", bytes }];
  } else if (values.since) {
    if (!repo) throw new UsageError(`--since needs a git repository: ${target} is not inside one (run it in a clone)`);
    checkRevision(repo.top, values.since);
    inputs = readGitRange(repo.top, values.since);
  } else if (rootIsFile) inputs = readFiles(base, [relative(base, root).split(sep).join("/")], unreadable);
  else {
    folder = listFiles(root).map((path) => (repo?.prefix ?? "") + path);
    inputs = readFiles(base, folder, unreadable);
  }
  const fileTimeout = values["file-timeout"] === undefined ? DEFAULT_FILE_TIMEOUT_S : Number(values["file-timeout"]);
  if (!Number.isFinite(fileTimeout) || fileTimeout < 0) throw new UsageError(`--file-timeout must be a number of seconds (0: none), got "${values["file-timeout"]}"`);
  // A folder is scanned on threads when the compiled thread module is there: several for a large
  // folder, and always when files have a time budget (a stuck file needs a thread to end). One
  // file, standard input, a history (--since) and the staged files get the same budget on one
  // thread; scan-db checks it per table (src/db/scan-database.ts).
  const threaded = folder !== undefined && defaultCliThreadUrl() !== undefined && ((threads > 1 && folder.length > 2 * 64) || fileTimeout > 0);
  const budgeted = !threaded && !db && fileTimeout > 0 && defaultCliThreadUrl() !== undefined;

  const progress = createProgress(io, values.quiet === true);
  const out = createSink(io, values.output);
  // JSON and SARIF are streamed file by file; text needs every finding before it starts.
  // With --verify the findings are checked after the scan, so JSON is written at the end too.
  const verify = values.verify === true || config.verify;
  const json = format === "json" && !verify ? createJsonWriter(out.write) : undefined;
  // SARIF is streamed the same way (results first, then the rules they use): 45 MB of findings never become one string.
  const sarif = format === "sarif" && !verify ? createSarifWriter(out.write, rules, { language: lang, toolVersion: io.version, onlyUsedRules: true }) : undefined;
  const kept: Finding[] = [];
  const seen = new Set<string>();
  const history = values.since !== undefined;
  let atOrAbove = false;
  const threshold = SEVERITIES.indexOf(failOn);
  const onFindings = (found: Finding[]) => {
    // In history mode a value may be added, removed and added again: report its first addition.
    // History: a table's cells are compared with earlier commits, then its columns rebuilt from the new ones.
    const list = history ? regroupColumns(found.filter((f) => f.unit === "column" || (!seen.has(f.fingerprint) && seen.add(f.fingerprint))), completeColumns(found), cells) : found;
    // A credential below failOnConfidence (default: a low-confidence weak value) is shown, never fails.
    if (list.some((f) => SEVERITIES.indexOf(f.severity) <= threshold && (f.category !== "secret" || CONFIDENCES.indexOf(f.confidence) >= failConfidence))) atOrAbove = true;
    if (json) json.findings(list);
    else if (sarif) sarif.findings(list);
    else for (const f of list) kept.push(f);
  };
  // Tables defined anywhere in the folder give their columns to dumps without column lists.
  // A history or the staged files are read as they come, without the tables of other files (none
  // on a thread either, so a batch's neighbours never change what a file gives).
  const tableSchemas = folder ? collectFolderSchemas(root, folder) : values.since !== undefined || values.staged ? new Map() : undefined;
  const common = { rules, cells: scanCells, publicRepository: values.public === true, knownAt, onProgress: progress.update, onFindings, tableSchemas, fingerprintKey: fingerprint.key };
  const result = db
    ? await scanDatabase(db, config, { ...common, compiled, ignoredFingerprints: ignored, tableTimeoutMs: fileTimeout * 1000, ...dbOptions(values, io) })
    : threaded || budgeted
      ? await scanFolderInThreads(base, threaded ? folder! : rootIsFile ? [relative(base, root).split(sep).join("/")] : inputs, config, { ...common, threads: threaded ? threads : 1, ignored, fileTimeoutMs: fileTimeout * 1000 })
      : scanFiles(inputs, config, { ...common, compiled, ignoredFingerprints: ignored });
  progress.done();
  result.stats.skipped.push(...unreadable);
  result.findings = kept;
  if (verify) {
    // Raw values are read back from the files only here, kept in memory, and sent only to their own provider.
    const texts = new Map<string, string | undefined>();
    const textOf = (path: string): string | undefined => {
      if (!texts.has(path)) texts.set(path, readScannedText(path, { root: base, rootIsFile: false, history, stdinPath: fromStdin ? (values["stdin-path"] ?? "stdin") : undefined, stdinBytes }));
      return texts.get(path);
    };
    result.findings = await verifyFindings(kept, (f) => readFindingValue(f, textOf));
    atOrAbove = result.findings.some((f) => SEVERITIES.indexOf(f.severity) <= threshold);
  }
  if (json) json.end(result.impact, result.stats);
  else if (sarif) sarif.end(result);
  else if (format === "json") out.write(toJson(result));
  else if (format === "ppc" || (format === "html" && result.impact.appi.reportRequired)) {
    // The draft report to the PPC: the whole output with --format ppc, a section of the HTML report when a report is due.
    const files = result.impact.files.map((f) => f.path);
    const { repository, sources } = db
      ? { repository: db.display, sources: [] }
      : fromStdin
        ? { repository: undefined, sources: [] }
        : readLeakSources(base, files);
    const draft = toPpcDraft({ impact: result.impact, files, stats: result.stats, repository, publicRepository: values.public === true, sources, generatedAt: new Date(), toolVersion: io.version }, lang);
    out.write(format === "ppc" ? draft : renderHtml(result, rules, lang, io.version, undefined, draft));
  } else out.write(render(result, format, rules, lang, io, !values.output && useColor(io.stdoutTty, values["no-color"] === true)));
  out.close();
  const personsLimit = config.pii.failOnPersons;
  const tooManyPersons = personsLimit > 0 && result.impact.persons >= personsLimit;
  if (tooManyPersons || atOrAbove) return 1;
  // Files left unread (not media or links) make the scan incomplete: exit 3 unless accepted.
  const unread = result.stats.skipped.filter(isIncompleteSkip).length;
  if (unread > 0 && config.scan.incomplete === "fail") {
    io.stderr(`mamori: incomplete scan: ${unread} ${unread === 1 ? "file" : "files"} could not be read (listed as skipped); exit 3. Set scan.incomplete: pass to accept.\n`);
    return 3;
  }
  return 0;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: "string", short: "f" },
        output: { type: "string", short: "o" },
        config: { type: "string", short: "c" },
        "fail-on": { type: "string" },
        "min-confidence": { type: "string" },
        "fail-on-confidence": { type: "string" },
        lang: { type: "string" },
        since: { type: "string" },
        "known-since": { type: "string" },
        rows: { type: "string" },
        sample: { type: "string" },
        tables: { type: "string", multiple: true },
        exclude: { type: "string", multiple: true },
        "statement-timeout": { type: "string" },
        "stdin-path": { type: "string" },
        staged: { type: "boolean" },
        baseline: { type: "string" },
        force: { type: "boolean" },
        "fingerprint-key-file": { type: "string" },
        "old-key-file": { type: "string" },
        "config-from": { type: "string" },
        "file-timeout": { type: "string" },
        detail: { type: "string" },
        "new-key-file": { type: "string" },
        "from-unkeyed": { type: "boolean" },
        "dry-run": { type: "boolean" },
        threads: { type: "string", short: "j" },
        public: { type: "boolean" },
        "no-color": { type: "boolean" },
        quiet: { type: "boolean", short: "q" },
        verify: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message} (try mamori --help)`);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
}

/** The data store of `mamori scan-db`: the URL argument or MAMORI_DB_URL; errors never quote it. */
function dbTargetOf(url: string | undefined): DbTarget {
  if (!url) throw new UsageError("scan-db needs a URL: mamori scan-db postgres://… | mysql://… | sqlite:app.db (or set MAMORI_DB_URL)");
  try {
    return parseDbUrl(url);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** `scan-db` options: rows per table and sampling, table globs, the server's statement time limit, a line per table. */
function dbOptions(values: ReturnType<typeof parse>["values"], io: CliIo): Partial<ScanDatabaseOptions> {
  const rows = values.rows === undefined ? undefined : Number(values.rows);
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1)) throw new UsageError(`--rows must be a whole number of 1 or more, got "${values.rows}"`);
  const sample = oneOf("--sample", values.sample ?? "first", ["first", "random"] as const);
  const timeout = values["statement-timeout"] === undefined ? 60 : Number(values["statement-timeout"]);
  if (!(timeout > 0)) throw new UsageError(`--statement-timeout must be a number of seconds, got "${values["statement-timeout"]}"`);
  return {
    tables: values.tables,
    exclude: values.exclude,
    read: { rows, sample },
    statementTimeoutMs: timeout * 1000,
    onTable: values.quiet
      ? undefined
      : (path, n, error) => io.stderr(`mamori: ${escapeControl(path)}: ${n.toLocaleString("en-US")} rows${error ? ` — ${escapeControl(redactErrorText(error))}` : ""}\n`),
  };
}

/** `--known-since`: a date (YYYY-MM-DD, Japan time) or an ISO date-time with its zone. */
function parseKnownSince(value: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00+09:00`) : new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value)) {
    throw new UsageError(`--known-since must be a date (YYYY-MM-DD, Japan time) or an ISO date-time, got "${value}"`);
  }
  return date;
}

function findDefaultConfig(dirs: string[]): string | undefined {
  for (const dir of dirs) {
    for (const name of [".github/mamori.yml", ".github/mamori.yaml", ".mamori.yml"]) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}


/** The text a finding was read from, for --verify: a file of the scanned folder or standard input (not history, not archives). */
function readScannedText(
  path: string,
  where: { root: string; rootIsFile: boolean; history: boolean; stdinPath?: string; stdinBytes?: Uint8Array },
): string | undefined {
  if (where.history || path.includes("!") || path.startsWith("db:")) return undefined;
  if (where.stdinPath !== undefined) return path === where.stdinPath && where.stdinBytes ? Buffer.from(where.stdinBytes).toString("utf8") : undefined;
  const file = where.rootIsFile ? resolve(where.root, "..", path) : join(where.root, path);
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** Where the report goes: standard output, or a file written as it is produced. */
function createSink(io: CliIo, output: string | undefined): { write: (s: string) => void; close: () => void } {
  if (!output) return { write: io.stdout, close: () => {} };
  const fd = openSync(output, "w");
  return { write: (s) => writeSync(fd, s), close: () => closeSync(fd) };
}

function render(result: ScanResult, format: "text" | "sarif" | "html", rules: Rule[], language: "ja" | "en", io: CliIo, color: boolean): string {
  if (format === "html") return renderHtml(result, rules, language, io.version);
  if (format === "sarif") {
    // List the rules the results use: a 300-rule driver section per upload is noise.
    const used = new Set(result.findings.map((f) => f.ruleId));
    return toSarif(result, rules.filter((r) => used.has(r.id)), { language, toolVersion: io.version });
  }
  return toText(result, { language, color, rulesById: new Map(rules.map((r) => [r.id, r])) });
}

function createProgress(io: CliIo, quiet: boolean) {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(files: number, bytes: number) {
      if (quiet || !io.isTty) return;
      const now = Date.now();
      if (now - started < 2000 || now - last < 250) return;
      last = now;
      shown = true;
      io.stderr(`\rmamori: scanned ${files} files, ${(bytes / 1048576).toFixed(1)} MB …`);
    },
    done() {
      if (shown) io.stderr("\r\x1b[K");
    },
  };
}
