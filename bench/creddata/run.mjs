#!/usr/bin/env node
// `npm run eval:creddata`: line-level recall and precision of `mamori scan` on a subset of
// Samsung's CredData benchmark (bench/creddata/manifest.json), overall and per CredData category.
// Nothing of CredData is stored in this repository: the labels (meta/*.csv) are read from a local
// clone of github.com/Samsung/CredData and the labelled files are laid out, at the labelled commit,
// from local git copies of the source repositories. See bench/creddata/README.md.
//
// Options: --creddata DIR   a clone of Samsung/CredData (default $CREDDATA_DIR or /work/realworld/creddata/CredData)
//          --mirrors DIR    where the source repositories' git directories are, as DIR/<owner>+<name>/repo
//                           (default $CREDDATA_MIRRORS or /work/.mirror)
//          --files DIR      where the labelled files are laid out (default $CREDDATA_FILES or /work/realworld/creddata/files)
//          --cli PATH       the CLI to run (default lib/cli/main.js)
//          --only NAME      only this repository (repeatable)
//          --show fn|fp|tp|rules  list missed true lines / false findings / true findings (file:line, category, rule; no values) / true and false lines per rule
//          --min-confidence high|medium|low  count only findings at or above it (default low: all)
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");
const { values } = parseArgs({
  options: {
    creddata: { type: "string", default: process.env.CREDDATA_DIR ?? "/work/realworld/creddata/CredData" },
    mirrors: { type: "string", default: process.env.CREDDATA_MIRRORS ?? "/work/.mirror" },
    files: { type: "string", default: process.env.CREDDATA_FILES ?? "/work/realworld/creddata/files" },
    cli: { type: "string", default: join(ROOT, "lib", "cli", "main.js") },
    only: { type: "string", multiple: true },
    show: { type: "string", multiple: true },
    "min-confidence": { type: "string", default: "low" },
  },
});
const manifest = JSON.parse(readFileSync(join(HERE, "manifest.json"), "utf8"));
const CONF_RANK = { low: 0, medium: 1, high: 2 };
const minRank = CONF_RANK[values["min-confidence"]] ?? 0;

/** Parses one CSV line of CredData's meta (no quoted commas in these files, but handle quotes). */
function parseCsvLine(line) {
  const out = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") out.push(cur), (cur = "");
    else cur += c;
  }
  out.push(cur);
  return out;
}

function readMeta(metaId) {
  const path = join(values.creddata, "meta", `${metaId}.csv`);
  if (!existsSync(path)) return undefined;
  const [head, ...lines] = readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean);
  const cols = parseCsvLine(head);
  return lines.map((l) => {
    const f = parseCsvLine(l);
    const row = Object.fromEntries(cols.map((c, i) => [c, f[i] ?? ""]));
    return {
      fileId: row.FileID,
      start: Number(row.LineStart),
      end: Number(row.LineEnd),
      truth: row.GroundTruth === "T",
      categories: row.Category ? row.Category.split(":") : ["(none)"],
    };
  });
}

function gitDirFor(repo) {
  const base = join(values.mirrors, repo.replace("/", "+"), "repo");
  if (existsSync(join(base, ".git"))) return join(base, ".git");
  return existsSync(base) ? base : undefined;
}

/** Lays out the labelled files of one repository at its commit; returns fileId -> path. */
function layOut(entry, rows) {
  const dir = join(values.files, entry.repo.replace("/", "+"));
  const indexPath = join(dir, ".creddata-index.json");
  if (existsSync(indexPath)) {
    const saved = JSON.parse(readFileSync(indexPath, "utf8"));
    if (saved.commit === entry.commit) return { dir, byId: saved.byId };
  }
  const gitDir = gitDirFor(entry.repo);
  if (!gitDir) return undefined;
  const wanted = new Set(rows.map((r) => r.fileId));
  const listing = spawnSync("git", ["--git-dir", gitDir, "ls-tree", "-r", "-z", entry.commit], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (listing.status !== 0) return { missingCommit: true };
  const tree = listing.stdout.split("\0").filter(Boolean);
  const byId = {};
  for (const item of tree) {
    const tab = item.indexOf("\t");
    const [mode, type, sha] = item.slice(0, tab).split(" ");
    const path = item.slice(tab + 1);
    if (type !== "blob" || mode === "120000" || path.endsWith(".xml")) continue;
    const id = createHash("sha256").update(path).digest("hex").slice(0, 8);
    if (!wanted.has(id)) continue;
    // The git copy may lack a blob (snapshots leave out files of 4 MiB and more): its rows are not counted.
    const blob = spawnSync("git", ["--git-dir", gitDir, "cat-file", "blob", sha], { maxBuffer: 1 << 30 });
    if (blob.status !== 0) continue;
    const out = join(dir, path);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, blob.stdout);
    byId[id] = path;
  }
  writeFileSync(indexPath, JSON.stringify({ commit: entry.commit, byId }));
  return { dir, byId };
}

// Every confidence is counted: ask for low findings when the CLI knows the option.
const HELP_TEXT = spawnSync(process.execPath, [values.cli, "--help"], { encoding: "utf8" }).stdout ?? "";
const ALL_CONFIDENCES = HELP_TEXT.includes("--min-confidence") ? ["--min-confidence", "low"] : [];

function scan(dir) {
  const r = spawnSync(
    process.execPath,
    [values.cli, "scan", dir, "--format", "json", "--quiet", ...ALL_CONFIDENCES],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (r.status === 2 || !r.stdout) throw new Error(`scan ${dir} failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const entries = manifest.repos.filter((e) => !values.only || values.only.includes(e.repo));
const missing = [];
const perCat = new Map(); // category -> { t, found, fpLabelled }
const cat = (c) => perCat.get(c) ?? perCat.set(c, { t: 0, found: 0, fp: 0 }).get(c);
let tTotal = 0;
let tFound = 0;
// CredData labels true every UUID its UUID rule met (collection ids, GUIDs): counted apart too.
let tNoUuid = 0;
let tNoUuidFound = 0;
let tp = 0;
let fpLabelled = 0;
let fpUnlabelled = 0;
const byConfidence = { high: [0, 0], medium: [0, 0], low: [0, 0] };
const perRule = new Map(); // "rule confidence" -> [true, false]
const ruleTally = (f, conf, ok) => {
  const k = `${f.rule} ${conf}`;
  const v = perRule.get(k) ?? perRule.set(k, [0, 0]).get(k);
  v[ok ? 0 : 1]++;
};
const show = new Set(values.show ?? []);
const perRepo = [];

for (const entry of entries) {
  let rows = readMeta(entry.meta);
  if (!rows) {
    missing.push(`${entry.repo} (no meta/${entry.meta}.csv in ${values.creddata})`);
    continue;
  }
  const laid = layOut(entry, rows);
  if (!laid) {
    missing.push(`${entry.repo} (no git copy at ${join(values.mirrors, entry.repo.replace("/", "+"))})`);
    continue;
  }
  if (laid.missingCommit) {
    missing.push(`${entry.repo} (commit ${entry.commit} not in the git copy)`);
    continue;
  }
  const pathToId = new Map(Object.entries(laid.byId).map(([id, p]) => [p, id]));
  const absent = new Set(rows.filter((r) => !laid.byId[r.fileId]).map((r) => r.fileId));
  if (absent.size > 0) missing.push(`${entry.repo}: ${absent.size} labelled file(s) not in the git copy (rows not counted)`);
  rows = rows.filter((r) => !absent.has(r.fileId));
  const report = scan(laid.dir);
  // finding lines per file id, keeping the best confidence on each line
  const found = new Map();
  for (const f of report.findings ?? []) {
    if (f.category !== "secret") continue;
    const rank = CONF_RANK[f.confidence ?? "high"] ?? 2;
    if (rank < minRank) continue;
    const path = f.file ?? f.path;
    const id = pathToId.get(path);
    if (!id) continue;
    const line = f.line ?? f.location?.line;
    const key = `${id}:${line}`;
    const prev = found.get(key);
    if (!prev || prev.rank < rank) found.set(key, { id, line, rank, rule: f.ruleId ?? f.rule, path });
  }
  let repoT = 0;
  let repoFound = 0;
  let repoFp = 0;
  const trueRows = rows.filter((r) => r.truth);
  for (const r of trueRows) {
    tTotal++, repoT++;
    let hit = false;
    for (let l = r.start; l <= r.end && !hit; l++) hit = found.has(`${r.fileId}:${l}`);
    if (hit) tFound++, repoFound++;
    if (!(r.categories.length === 1 && r.categories[0] === "UUID")) {
      tNoUuid++;
      if (hit) tNoUuidFound++;
    }
    for (const c of r.categories) {
      cat(c).t++;
      if (hit) cat(c).found++;
    }
    if (!hit && show.has("fn")) console.log(`FN ${entry.repo} ${laid.byId[r.fileId]}:${r.start} ${r.categories.join(":")}`);
  }
  for (const f of found.values()) {
    const inRows = rows.filter((r) => r.fileId === f.id && f.line >= r.start && f.line <= r.end);
    const conf = ["low", "medium", "high"][f.rank];
    if (inRows.some((r) => r.truth)) {
      tp++;
      byConfidence[conf][0]++;
      ruleTally(f, conf, true);
      if (show.has("tp")) console.log(`TP ${entry.repo} ${f.path}:${f.line} ${conf} ${f.rule} ${inRows.find((r) => r.truth).categories.join(":")}`);
      continue;
    }
    byConfidence[conf][1]++;
    ruleTally(f, conf, false);
    repoFp++;
    if (inRows.length) {
      fpLabelled++;
      for (const c of new Set(inRows.flatMap((r) => r.categories))) cat(c).fp++;
    } else fpUnlabelled++;
    if (show.has("fp")) console.log(`FP ${entry.repo} ${f.path}:${f.line} ${conf} ${f.rule} ${inRows.length ? inRows[0].categories.join(":") : "(unlabelled)"}`);
  }
  perRepo.push([entry.repo, repoT, repoFound, repoFp]);
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) + "%" : "-");
console.log(`\nCredData subset: ${perRepo.length} repositories scanned, ${missing.length} missing`);
for (const m of missing) console.log(`  missing: ${m}`);
console.log(`\nper repository (true lines, found, false findings):`);
for (const [repo, t, f, fp] of perRepo) console.log(`  ${repo.padEnd(48)} ${String(t).padStart(5)} ${String(f).padStart(5)} ${String(fp).padStart(5)}`);
console.log(`\nper category (true lines, found, recall, false findings on lines labelled false):`);
for (const [c, v] of [...perCat].sort((a, b) => b[1].t - a[1].t)) {
  console.log(`  ${c.padEnd(34)} ${String(v.t).padStart(5)} ${String(v.found).padStart(5)} ${pct(v.found, v.t).padStart(7)} ${String(v.fp).padStart(5)}`);
}
if (show.has("rules")) {
  console.log(`\nfinding lines per rule and confidence (true, false), most false first:`);
  for (const [k, [t, f]] of [...perRule].sort((a, b) => b[1][1] - a[1][1] || b[1][0] - a[1][0])) console.log(`  ${k.padEnd(52)} ${String(t).padStart(5)} ${String(f).padStart(5)}`);
}
const fp = fpLabelled + fpUnlabelled;
console.log(`\nfinding lines by confidence (true, false): high ${byConfidence.high.join("/")}, medium ${byConfidence.medium.join("/")}, low ${byConfidence.low.join("/")}`);
console.log(`false findings: ${fpLabelled} on lines labelled false, ${fpUnlabelled} on unlabelled lines`);
console.log(`without the rows labelled only UUID: recall ${pct(tNoUuidFound, tNoUuid)} (${tNoUuidFound}/${tNoUuid})`);
console.log(`\nOVERALL (min confidence ${values["min-confidence"]}): recall ${pct(tFound, tTotal)} (${tFound}/${tTotal} true lines)  precision ${pct(tp, tp + fp)} (${tp}/${tp + fp} finding lines)`);
