#!/usr/bin/env node
// `npm run eval:realworld`: scans the real repositories of manifest.json with the built CLI
// (`--format json`) and prints findings per rule, persons per repository and per file, beside the
// hand counts and classifications recorded in hand-counts.json (counts and labels only); a file
// whose persons differ from its hand count by more than 10 % is flagged "OFF".
// Clones live outside this repository (MAMORI_REALWORLD, default manifest.root). Nothing is
// asserted: it is a measurement. Options: --only <dir> (repeatable), --out DIR (raw reports,
// default a temporary folder), --files N (files listed per repository, default 15).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, "..", "..", "lib", "cli", "main.js");
const manifest = JSON.parse(readFileSync(join(HERE, "manifest.json"), "utf8"));
const hand = JSON.parse(readFileSync(join(HERE, "hand-counts.json"), "utf8"));
const { values } = parseArgs({
  options: { only: { type: "string", multiple: true }, out: { type: "string" }, files: { type: "string", default: "15" } },
});
const root = process.env.MAMORI_REALWORLD ?? manifest.root;
const out = values.out ?? join(tmpdir(), "mamori-realworld");
mkdirSync(out, { recursive: true });
if (!existsSync(CLI)) {
  console.error("lib/cli/main.js is missing: run `npm run build` first");
  process.exit(2);
}

const totals = { findings: 0, pii: 0, secret: 0, persons: 0, reports: 0, repos: 0, missing: 0 };
const perFile = { counted: 0, within: 0, off: [], hand: 0, got: 0 };
for (const repo of manifest.repos) {
  if (values.only && !values.only.includes(repo.dir)) continue;
  const dir = join(root, repo.dir);
  if (!existsSync(dir)) {
    totals.missing++;
    const how = repo.setup ?? `fetch github:${repo.name} (search tool) and git clone /work/.mirror/${repo.dir}/repo ${dir}` +
      (repo.commit ? ` && git -C ${dir} checkout ${repo.commit}` : "");
    console.log(`missing: ${repo.name}: ${how}`);
    continue;
  }
  if (repo.commit) {
    const head = spawnSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" }).stdout.trim();
    if (head && head !== repo.commit) console.log(`note: ${repo.name} is at ${head.slice(0, 12)}, manifest says ${repo.commit.slice(0, 12)}`);
  }
  const file = join(out, `${repo.dir}.json`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [CLI, "scan", dir, "--format", "json", "--output", file, "-q", "--fail-on", "critical"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status === 2 || !existsSync(file)) {
    console.log(`error: ${repo.name}: ${run.stderr.trim().split("\n").slice(-3).join(" / ")}`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  const findings = report.findings;
  const byRule = new Map();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const impact = report.impact;
  const h = hand.repos?.[repo.dir] ?? {};
  totals.repos++;
  totals.findings += findings.length;
  totals.pii += findings.filter((f) => f.category === "pii").length;
  totals.secret += findings.filter((f) => f.category === "secret").length;
  totals.persons += impact.persons;
  if (impact.appi.reportRequired) totals.reports++;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n== ${repo.name} (${report.stats.files} files, ${secs} s)`);
  console.log(`findings: ${findings.length}` + (h.classified ? `   hand: ${fmtClass(h.classified)}` : ""));
  for (const [rule, n] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${rule}`);
  console.log(
    `persons: ${impact.persons}` +
      (h.persons !== undefined ? `   hand: ${h.persons}` : "") +
      `   APPI report: ${impact.appi.reportRequired ? `yes (${impact.appi.triggers.join(", ")})` : "no"}` +
      (h.reportRequired !== undefined ? `   hand: ${h.reportRequired ? "yes" : "no"}` : ""),
  );
  const files = [...impact.files].sort((a, b) => b.persons - a.persons || (a.path < b.path ? -1 : 1));
  const handFiles = h.files ?? {};
  const shown = new Set();
  for (const f of files.slice(0, Number(values.files))) {
    shown.add(f.path);
    const basis = f.basis ? `  [${describeBasis(f.basis)}]` : "";
    console.log(`  ${String(f.persons).padStart(6)}  ${f.path}` + (f.path in handFiles ? `   hand: ${handFiles[f.path]}${deviation(repo.dir, f.path, f.persons, handFiles[f.path])}` : "") + basis);
  }
  if (files.length > shown.size) console.log(`  … ${files.length - shown.size} more files with persons`);
  for (const [path, n] of Object.entries(handFiles)) if (!shown.has(path)) {
    const got = files.find((f) => f.path === path)?.persons ?? 0;
    console.log(`  ${String(got).padStart(6)}  ${path}   hand: ${n}${deviation(repo.dir, path, got, n)}`);
  }
}
console.log(
  `\nTOTAL: ${totals.repos} repositories scanned (${totals.missing} missing), ${totals.findings} findings (${totals.pii} personal, ${totals.secret} credentials), ` +
    `${totals.persons} persons, ${totals.reports} with an APPI report`,
);
if (perFile.counted > 0) {
  console.log(
    `persons per file: ${perFile.within}/${perFile.counted} hand-counted files within 10% (hand ${perFile.hand}, Mamori ${perFile.got})` +
      (perFile.off.length ? `; off: ${perFile.off.join(", ")}` : ""),
  );
}
if (hand.summary) console.log(`hand classification (last read): ${JSON.stringify(hand.summary)}`);
console.log(`raw reports: ${out}`);

/** Compares Mamori's persons in a file with the hand count: flags a deviation beyond 10 %. */
function deviation(dir, path, got, want) {
  perFile.counted++;
  perFile.hand += want;
  perFile.got += got;
  const off = want === 0 ? got > 0 : Math.abs(got - want) / want > 0.1;
  if (!off) {
    perFile.within++;
    return "";
  }
  perFile.off.push(`${dir}/${path} (${got} vs ${want})`);
  return want === 0 ? "   <-- OFF (hand 0)" : `   <-- OFF by ${Math.round((100 * (got - want)) / want)}%`;
}
function fmtClass(c) {
  return Object.entries(c).map(([k, v]) => `${k} ${v}`).join(", ");
}
function describeBasis(b) {
  if (typeof b === "string") return b;
  return [b.method, b.fields?.length ? `fields: ${b.fields.join("+")}` : "", b.repeated ? `${b.repeated} repeated` : ""].filter(Boolean).join("; ");
}
