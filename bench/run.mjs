#!/usr/bin/env node
// `npm run bench`: throughput and peak memory of `mamori scan` against secretlint on the same
// corpora (real npm package source with planted secrets; a Japanese customer export in UTF-8 and
// Shift_JIS). Prints figures; asserts nothing about time. See bench/README.md.
//
// Options: --runs N (best of N, default 1)   --skip-peer (Mamori only)   --no-single-core
//          --only source|export-utf8|export-sjis (repeatable)
//          --cli PATH (another build of lib/cli/main.js, e.g. a snapshot of a commit)
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildExport } from "./tools/build-export.mjs";
import { buildSourceCorpus } from "./tools/build-source-corpus.mjs";
import { ensurePeer } from "./tools/ensure-peer.mjs";
import { measure } from "./tools/measure.mjs";
import { describeTree, log, mb, warmPageCache } from "./tools/util.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, "..");
const CORPUS = join(BENCH, ".corpus");
const PEER = join(BENCH, ".peer");
let CLI = join(ROOT, "lib", "cli", "main.js");
const TARGETS = { sourceMBs: 120, exportMBs: 80, rssMiB: 150 };

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "1" },
    "skip-peer": { type: "boolean", default: false },
    "no-single-core": { type: "boolean", default: false },
    only: { type: "string", multiple: true },
    cli: { type: "string" },
  },
});
const RUNS = Math.max(1, Number(values.runs) || 1);
if (values.cli) CLI = resolve(values.cli);
const START_LOAD = loadavg();
let COMMIT = "";
/** A --threads/--jobs flag if the CLI offers one (used with 1 in the 1-core run). */
let threadFlag;

async function main() {
  mkdirSync(CORPUS, { recursive: true });
  const fsInfo = statfsSync(BENCH);
  const freeMB = (fsInfo.bavail * fsInfo.bsize) / 1e6;
  log(`free disk under bench/: ${(freeMB / 1000).toFixed(1)} GB (corpus needs ~0.4 GB with its git objects)`);
  if (freeMB < 1000 && !existsSync(join(CORPUS, "src.stamp.json"))) throw new Error("less than 1 GB free: not building the corpus");
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const help = spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" }).stdout ?? "";
  threadFlag = /--(threads|jobs|workers)\b/.exec(help)?.[0];
  const git = spawnSync("git", ["-C", dirname(CLI), "log", "-1", "--format=%h"], { encoding: "utf8" });
  COMMIT = git.status === 0 ? git.stdout.trim() : "";

  const src = buildSourceCorpus(CORPUS, join(BENCH, "packages.json"));
  const exp = buildExport(CORPUS);
  const peer = values["skip-peer"] ? undefined : ensurePeer(PEER);

  const corpora = [
    { name: "source", kind: "source", dir: src.dir, planted: src.planted },
    { name: "export-utf8", kind: "export", dir: exp.utf8Dir, rows: exp.rows },
    { name: "export-sjis", kind: "export", dir: exp.sjisDir, rows: exp.rows },
  ].filter((c) => !values.only || values.only.includes(c.name));

  const rows = [];
  for (const c of corpora) {
    const tree = describeTree(c.dir);
    c.files = tree.files;
    c.bytes = tree.bytes;
    c.top = tree.top;
    log(`${c.name}: ${tree.files} files, ${mb(tree.bytes).toFixed(1)} MB; warming the page cache`);
    warmPageCache(c.dir);
    rows.push(await best(c, "mamori", () => runMamori(c)));
    if (!values["no-single-core"]) rows.push(await best(c, "mamori 1-core", () => runMamori(c, "0")));
    if (peer) rows.push(await best(c, `secretlint ${peer.version}`, () => runSecretlint(c, peer)));
  }
  report(corpora, rows, peer);
}

/** Best (fastest) of RUNS runs; a failed run is reported, not retried. */
async function best(corpus, tool, fn) {
  let pick;
  for (let i = 0; i < RUNS; i++) {
    log(`${corpus.name}: running ${tool}${RUNS > 1 ? ` (${i + 1}/${RUNS})` : ""}`);
    const r = await fn();
    log(`  ${r.ok ? "" : "FAILED "}${r.seconds.toFixed(2)} s, peak ${r.peakRssMiB.toFixed(0)} MiB${r.ok ? "" : `: ${r.error}`}`);
    if (!pick || (r.ok && (!pick.ok || r.seconds < pick.seconds))) pick = r;
  }
  return { corpus, tool, ...pick };
}

async function runMamori(c, pinCpu) {
  const out = join(tmpdir(), `mamori-bench-${c.name}.json`);
  rmSync(out, { force: true });
  const args = [CLI, "scan", c.dir, "--format", "json", "--output", out, "--quiet"];
  if (pinCpu !== undefined && threadFlag) args.push(threadFlag, "1");
  const m = await measure(process.execPath, args, { cpus: pinCpu });
  // Exit 1 = findings (expected). 2 or a signal = a failure.
  if ((m.status !== 0 && m.status !== 1) || !existsSync(out)) {
    return { ...m, ok: false, error: `exit ${m.status}: ${errorLine(m.stderr)}` };
  }
  const json = JSON.parse(readFileSync(out, "utf8"));
  rmSync(out, { force: true });
  const findings = json.findings ?? [];
  const byRule = {};
  const byCategory = {};
  const hitPaths = new Map();
  const pathRule = [];
  const lastLine = {};
  for (const f of findings) {
    if (typeof f.line === "number" && f.line > (lastLine[f.ruleId] ?? 0)) lastLine[f.ruleId] = f.line;
    pathRule.push([String(f.path).split("!")[0], f.ruleId]);
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
    byCategory[f.category] = (byCategory[f.category] ?? 0) + 1;
    const p = String(f.path).split("!")[0];
    hitPaths.set(p, (hitPaths.get(p) ?? 0) + 1);
  }
  return {
    ...m,
    ok: true,
    findings: findings.length,
    byRule,
    byCategory,
    hitPaths,
    pathRule,
    lastLine,
    toolFiles: json.stats?.files,
    toolBytes: json.stats?.bytes,
    skipped: json.stats?.skipped?.length ?? 0,
    skippedReasons: countReasons(json.stats?.skipped ?? []),
    persons: json.impact?.persons,
  };
}

async function runSecretlint(c, peer) {
  const out = join(tmpdir(), `secretlint-bench-${c.name}.json`);
  rmSync(out, { force: true });
  const args = ["**/*", "--secretlintrc", peer.rc, "--format", peer.formatter, "--output", out, "--no-color"];
  const m = await measure(peer.bin, args, { cwd: c.dir });
  if ((m.status !== 0 && m.status !== 1) || !existsSync(out)) {
    return { ...m, ok: false, error: `exit ${m.status}: ${errorLine(m.stderr)}` };
  }
  const j = JSON.parse(readFileSync(out, "utf8"));
  rmSync(out, { force: true });
  return { ...m, ok: true, findings: j.findings, byRule: j.byRule, hitPaths: new Map(Object.entries(j.paths)), toolFiles: j.files };
}

/** The most telling line of a failed child's stderr (an Error line, else the last one). */
function errorLine(stderr) {
  const lines = stderr.trim().split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines.find((l) => /\b[A-Za-z]*Error\b|^mamori:/.test(l)) ?? lines.at(-1) ?? "no output").slice(0, 300);
}

function countReasons(skipped) {
  const m = {};
  for (const s of skipped) {
    const r = String(s.reason).replace(/\(.*\)|\d[\d,.]*/g, "").trim();
    m[r] = (m[r] ?? 0) + 1;
  }
  return m;
}

function report(corpora, rows, peer) {
  const out = [];
  const p = (s = "") => out.push(s);
  const cpuModel = cpus()[0]?.model ?? "?";
  p(`Mamori bench — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} cores (${cpuModel}) — CLI ${CLI}${COMMIT ? ` (${COMMIT})` : ""}`);
  p(`MB = 10^6 bytes of the corpus files (as stored on disk, all files, .git excluded); MB/s = MB / wall seconds of the`);
  p(`whole command (start-up, rule compilation, listing, reading, scanning, writing the report). Best of ${RUNS} run(s), warm page cache.`);
  const oneCore = threadFlag ? `with ${threadFlag} 1` : "(the CLI has no --threads/--jobs flag)";
  p(`MB/cpu-s = MB / (user + sys CPU seconds): less sensitive than MB/s to other load on the machine. Load average at the`);
  p(`start ${START_LOAD.map((x) => x.toFixed(1)).join(" ")}, at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")} (1/5/15 min).`);
  p(`Peak RSS via ${rows[0]?.method ?? "?"} (largest process of the command, all its threads). "1-core" = the same command pinned with taskset -c 0 ${oneCore}.`);
  p();
  for (const c of corpora) {
    const top = c.top.slice(0, 6).map(([e, b]) => `${e} ${mb(b).toFixed(1)}`).join(", ");
    const extra = c.kind === "source"
      ? `planted ${Object.values(c.planted).reduce((a, b) => a + b, 0)} secret snippets in ${Object.keys(c.planted).length} kinds`
      : `${c.rows} rows × 12 columns (氏名, フリガナ, 生年月日, 郵便番号, 住所, 電話番号, メール, マイナンバー, カード番号, …)`;
    p(`  ${c.name.padEnd(12)} ${mb(c.bytes).toFixed(1).padStart(6)} MB  ${String(c.files).padStart(6)} files  ${extra}`);
    if (c.kind === "source") p(`  ${"".padEnd(12)} by extension (MB): ${top}`);
  }
  p();
  const header = ["corpus", "MB", "files", "tool", "files seen", "seconds", "cpu s", "MB/s", "MB/cpu-s", "peak RSS MiB", "findings"];
  const table = [header];
  for (const r of rows) {
    const cpu = r.userSeconds + r.sysSeconds;
    table.push([
      r.corpus.name,
      mb(r.corpus.bytes).toFixed(1),
      String(r.corpus.files),
      r.tool,
      r.ok ? String(r.toolFiles ?? "?") : "-",
      r.seconds.toFixed(2),
      Number.isFinite(cpu) ? cpu.toFixed(2) : "?",
      r.ok ? (mb(r.corpus.bytes) / r.seconds).toFixed(1) : "FAILED",
      r.ok && Number.isFinite(cpu) ? (mb(r.corpus.bytes) / cpu).toFixed(1) : "-",
      r.peakRssMiB.toFixed(0),
      r.ok ? String(r.findings) : "-",
    ]);
  }
  const widths = header.map((_, i) => Math.max(...table.map((t) => t[i].length)));
  for (const [i, t] of table.entries()) {
    p(t.map((v, j) => (j <= 0 || j === 3 ? v.padEnd(widths[j]) : v.padStart(widths[j]))).join("  "));
    if (i === 0) p(widths.map((w) => "-".repeat(w)).join("  "));
  }
  p();
  p("Ratios (Mamori ÷ secretlint; speed > 1 = Mamori faster, RSS < 1 = Mamori smaller):");
  for (const c of corpora) {
    const mam = rows.find((r) => r.corpus === c && r.tool === "mamori");
    const one = rows.find((r) => r.corpus === c && r.tool === "mamori 1-core");
    const sl = rows.find((r) => r.corpus === c && r.tool.startsWith("secretlint"));
    if (!mam?.ok || !sl?.ok) {
      p(`  ${c.name}: n/a`);
      continue;
    }
    const one1 = one?.ok ? `, 1-core ${(sl.seconds / one.seconds).toFixed(2)}×` : "";
    p(`  ${c.name.padEnd(12)} speed ${(sl.seconds / mam.seconds).toFixed(2)}×${one1}   peak RSS ${(mam.peakRssMiB / sl.peakRssMiB).toFixed(2)}×`);
  }
  p();
  p(`Targets (reported, not asserted): ≥ ${TARGETS.sourceMBs} MB/s on one core on source, ≥ ${TARGETS.exportMBs} MB/s on exports, peak RSS ≤ ${TARGETS.rssMiB} MiB`);
  for (const r of rows.filter((x) => x.tool.startsWith("mamori"))) {
    if (!r.ok) continue;
    const speed = mb(r.corpus.bytes) / r.seconds;
    const target = r.corpus.kind === "source" ? TARGETS.sourceMBs : TARGETS.exportMBs;
    const okS = speed >= target ? "meets" : "BELOW";
    const okR = r.peakRssMiB <= TARGETS.rssMiB ? "meets" : "ABOVE";
    p(`  ${r.corpus.name.padEnd(12)} ${r.tool.padEnd(14)} ${speed.toFixed(1).padStart(6)} MB/s (${okS} ${target})   ${r.peakRssMiB.toFixed(0).padStart(4)} MiB (${okR} ${TARGETS.rssMiB})`);
  }
  p();
  p("Detection (source: planted files hit; findings elsewhere are in unmodified third-party files):");
  const src = corpora.find((c) => c.kind === "source");
  if (src) {
    const planted = JSON.parse(readFileSync(join(CORPUS, "src.planted.json"), "utf8"));
    const plantedPaths = new Set(planted.map((x) => x.path));
    for (const r of rows.filter((x) => x.corpus === src && x.ok && x.tool !== "mamori 1-core")) {
      let hit = 0;
      let elsewhere = 0;
      for (const [path, n] of r.hitPaths) {
        if (plantedPaths.has(path)) hit++;
        else elsewhere += n;
      }
      const missed = {};
      for (const x of planted) if (!r.hitPaths.has(x.path)) missed[x.kind] = (missed[x.kind] ?? 0) + 1;
      p(`  ${r.tool.padEnd(18)} planted files hit ${hit}/${plantedPaths.size}; findings in other files ${elsewhere}`);
      if (Object.keys(missed).length) p(`  ${"".padEnd(18)} files missed by planted kind: ${fmtCounts(missed)}`);
      p(`  ${"".padEnd(18)} by rule: ${fmtCounts(r.byRule, 12)}`);
      if (r.pathRule && elsewhere > 0) {
        const rules = {};
        const files = {};
        for (const [path, rule] of r.pathRule) {
          if (plantedPaths.has(path)) continue;
          rules[rule] = (rules[rule] ?? 0) + 1;
          files[path] = (files[path] ?? 0) + 1;
        }
        p(`  ${"".padEnd(18)} in other files, by rule: ${fmtCounts(rules, 10)}`);
        p(`  ${"".padEnd(18)} in other files, top files: ${fmtCounts(files, 5)}`);
      }
    }
  }
  for (const r of rows.filter((x) => x.corpus.kind === "export" && x.ok && x.tool === "mamori")) {
    p(`  ${r.corpus.name}: mamori by rule: ${fmtCounts(r.byRule, 12)}; persons ${r.persons ?? "?"}`);
    // Every column rule should reach the last rows; stopping early means a per-rule cap cut the file short.
    const short = Object.entries(r.lastLine ?? {}).filter(([, line]) => line < r.corpus.rows * 0.99);
    if (short.length) p(`  ${"".padEnd(r.corpus.name.length)}  rules whose last finding is before row ${Math.floor(r.corpus.rows * 0.99)} of ${r.corpus.rows} (cut short?): ${short.map(([k, v]) => `${k} @${v}`).join(", ")}`);
  }
  const skips = rows.filter((r) => r.ok && r.tool === "mamori" && r.skipped > 0);
  for (const r of skips) p(`  ${r.corpus.name}: mamori skipped ${r.skipped} file(s): ${fmtCounts(r.skippedReasons)}`);
  if (!peer) p("  (secretlint not run: --skip-peer)");

  const text = out.join("\n") + "\n";
  process.stdout.write(text);
  writeFileSync(join(CORPUS, "last-results.txt"), text);
}

function fmtCounts(obj, limit = 20) {
  const e = Object.entries(obj ?? {}).sort((a, b) => b[1] - a[1]);
  const s = e.slice(0, limit).map(([k, v]) => `${k} ${v}`).join(", ");
  return e.length > limit ? `${s}, … (${e.length - limit} more)` : s || "none";
}

main().catch((err) => {
  process.stderr.write(`[bench] error: ${err.message}\n`);
  process.exitCode = 2;
});
