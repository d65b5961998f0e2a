// Small helpers shared by the bench scripts (no project imports: the bench measures lib/ only
// through the CLI, as a user would).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

/** Progress goes to stderr so stdout keeps only the result table. */
export function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

/** Deterministic PRNG (mulberry32) so the corpus layout and the export are reproducible. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

/** All regular files under root (relative paths, sorted), skipping .git. */
export function walkFiles(root) {
  const out = [];
  const stack = [""];
  while (stack.length > 0) {
    const rel = stack.pop();
    for (const ent of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (ent.name === ".git") continue;
      const r = rel === "" ? ent.name : `${rel}/${ent.name}`;
      if (ent.isDirectory()) stack.push(r);
      else if (ent.isFile()) out.push(r);
    }
  }
  return out.sort();
}

/** Files, bytes and the byte share of the top extensions of a folder. */
export function describeTree(root) {
  const files = walkFiles(root);
  let bytes = 0;
  const byExt = new Map();
  for (const f of files) {
    const size = lstatSync(join(root, f)).size;
    bytes += size;
    const base = f.slice(f.lastIndexOf("/") + 1);
    const m = /(\.d\.ts|\.min\.js|\.[A-Za-z0-9]+)$/.exec(base);
    const ext = m ? m[1].toLowerCase() : "(none)";
    byExt.set(ext, (byExt.get(ext) ?? 0) + size);
  }
  const top = [...byExt.entries()].sort((a, b) => b[1] - a[1]);
  return { files: files.length, bytes, top };
}

/** Reads every file once so that each tool starts with the same warm page cache. */
export function warmPageCache(root) {
  for (const f of walkFiles(root)) readFileSync(join(root, f));
}

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 << 20, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}: ${(r.stderr || "").slice(-2000)}`);
  }
  return r.stdout;
}

/** Turns a folder into a one-commit git repository (so `mamori scan` sees a tracked tree). */
export function commitTree(dir) {
  if (!existsSync(join(dir, ".git"))) run("git", ["init", "-q", dir]);
  const g = ["-C", dir, "-c", "user.name=mamori-bench", "-c", "user.email=bench@example.invalid", "-c", "core.autocrlf=false"];
  run("git", [...g, "add", "-A", "."]);
  run("git", [...g, "commit", "-q", "--no-verify", "--allow-empty", "-m", "bench corpus"]);
}

export function mb(bytes) {
  return bytes / 1e6;
}
