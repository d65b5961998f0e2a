// Source corpus: the published files of a pinned list of npm packages (all files as shipped),
// with secret-shaped values planted into ~50 files at build time. Cached: a stamp holds the
// hash of the package list; a second run reuses the tree.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SNIPPETS, SNIPPET_KINDS } from "./make-secrets.mjs";
import { commitTree, describeTree, log, run, seededRandom, sha256, walkFiles } from "./util.mjs";

const PLANT_VERSION = 1;
const PLANT_FILES = 52;
const PLANTABLE = /\.(js|mjs|cjs|ts|jsx|tsx|md)$/;

/** Builds (or reuses) corpusDir/src; returns { dir, planted: {kind: count}, packages }. */
export function buildSourceCorpus(corpusDir, packagesFile) {
  const { packages } = JSON.parse(readFileSync(packagesFile, "utf8"));
  const key = sha256(JSON.stringify({ packages, PLANT_VERSION, PLANT_FILES }));
  const dir = join(corpusDir, "src");
  const stampFile = join(corpusDir, "src.stamp.json");
  if (existsSync(stampFile) && existsSync(join(dir, ".git"))) {
    const stamp = JSON.parse(readFileSync(stampFile, "utf8"));
    if (stamp.key === key) {
      log(`source corpus: reusing ${dir}`);
      return { dir, planted: stamp.planted, packages };
    }
  }
  log(`source corpus: building ${dir} from ${packages.length} npm packages (first run downloads ~40 MB)`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(stampFile, { force: true });
  const tarDir = join(corpusDir, "tarballs");
  mkdirSync(tarDir, { recursive: true });
  mkdirSync(join(dir, "packages"), { recursive: true });

  const packed = JSON.parse(
    run("npm", ["pack", ...packages, "--json", "--pack-destination", tarDir, "--ignore-scripts"], { cwd: tarDir }),
  );
  for (const p of packed) {
    const target = join(dir, "packages", p.id.replace(/\//g, "__"));
    mkdirSync(target, { recursive: true });
    run("tar", ["xzf", join(tarDir, p.filename), "-C", target, "--strip-components=1", "--no-same-owner"]);
    log(`  unpacked ${p.id} (${(p.unpackedSize / 1e6).toFixed(1)} MB, ${p.entryCount} files)`);
  }
  rmSync(tarDir, { recursive: true, force: true }); // npm's cache keeps them

  const planted = plantFindings(dir);
  log(`source corpus: planted ${Object.values(planted).reduce((a, b) => a + b, 0)} secret snippets; committing to git`);
  commitTree(dir);
  const { files, bytes } = describeTree(dir);
  writeFileSync(stampFile, JSON.stringify({ key, planted, files, bytes }, null, 2));
  return { dir, planted, packages };
}

/**
 * Inserts one generated snippet at a line boundary near a random offset of PLANT_FILES files
 * (chosen with a fixed seed among js/ts/md files), cycling through the snippet kinds, plus one
 * key file without extension. Records kinds and paths only, never values.
 */
function plantFindings(dir) {
  const rand = seededRandom(20261122);
  const candidates = walkFiles(dir).filter((f) => PLANTABLE.test(f));
  const chosen = new Set();
  while (chosen.size < PLANT_FILES && chosen.size < candidates.length) {
    chosen.add(candidates[Math.floor(rand() * candidates.length)]);
  }
  const planted = {};
  const where = [];
  let i = 0;
  for (const rel of chosen) {
    const kind = SNIPPET_KINDS[i++ % SNIPPET_KINDS.length];
    const path = join(dir, rel);
    const text = readFileSync(path, "utf8");
    let at = Math.floor(rand() * text.length);
    const nl = text.indexOf("\n", at);
    at = nl === -1 ? text.length : nl + 1;
    const snippet = SNIPPETS[kind]();
    const sep = at > 0 && text[at - 1] !== "\n" ? "\n" : "";
    writeFileSync(path, text.slice(0, at) + sep + snippet + text.slice(at));
    planted[kind] = (planted[kind] ?? 0) + 1;
    where.push({ path: rel, kind });
  }
  const keyFile = join(dir, "deploy", "id_rsa");
  mkdirSync(join(dir, "deploy"), { recursive: true });
  writeFileSync(keyFile, SNIPPETS["rsa-private-key"]().replace(/^const TLS_KEY = `|`;\n$/g, ""));
  planted["rsa-private-key"] = (planted["rsa-private-key"] ?? 0) + 1;
  where.push({ path: "deploy/id_rsa", kind: "rsa-private-key" });
  writeFileSync(join(dir, "..", "src.planted.json"), JSON.stringify(where, null, 2));
  return planted;
}
