#!/usr/bin/env node
// Prints the top functions of a V8 .cpuprofile by self time and by inclusive time.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof lib/cli/main.js scan DIR --format json --output /tmp/o.json -q
//   node bench/tools/summarize-cpu-profile.mjs /tmp/prof/CPU.*.cpuprofile [top=25]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write("usage: summarize-cpu-profile.mjs FILE.cpuprofile [top]\n");
  process.exit(2);
}
const top = Number(topArg) || 25;
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(0); // piped into head
  throw err;
});
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the samples and their time deltas.
const selfUs = new Map();
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i] ?? 0;
  selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) ?? 0) + dt);
  total += dt;
}
const label = (n) => {
  const cf = n.callFrame;
  const url = cf.url.replace(/^file:\/\//, "").replace(/^.*\/(lib|src|node_modules)\//, "$1/");
  const name = (cf.functionName || "(anonymous)").replace(/^(RegExp: .{0,100}).*$/s, "$1…");
  return `${name}  ${url || "(native)"}${url ? `:${cf.lineNumber + 1}` : ""}`;
};
const self = new Map();
const incl = new Map();
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  // Inclusive: count once per distinct label on the stack.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + us);
  }
}
const show = (title, m) => {
  process.stdout.write(`\n${title} (total ${(total / 1e6).toFixed(2)} s sampled)\n`);
  for (const [l, us] of [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(us / 1e6).toFixed(2).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)}%  ${l}\n`);
  }
};
show("Self time", self);
show("Inclusive time", incl);
