// Installs the peer scanner (secretlint ≥ 13.0.5: older versions are quadratic in the number of
// files) into the git-ignored bench/.peer, outside the project's package.json and lockfile.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { log, run } from "./util.mjs";

const VERSION = "13.0.6";
const HERE = dirname(fileURLToPath(import.meta.url));

/** Returns { bin, rc, formatter, version } for secretlint with the recommended preset. */
export function ensurePeer(peerDir) {
  mkdirSync(peerDir, { recursive: true });
  const bin = join(peerDir, "node_modules", ".bin", "secretlint");
  const pkg = join(peerDir, "node_modules", "secretlint", "package.json");
  const installed = existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : undefined;
  if (installed !== VERSION || !existsSync(bin)) {
    log(`peer: npm install secretlint@${VERSION} into ${peerDir}`);
    run("npm", [
      "install", "--prefix", peerDir, "--no-audit", "--no-fund", "--save-exact", "--ignore-scripts",
      `secretlint@${VERSION}`, `@secretlint/secretlint-rule-preset-recommend@${VERSION}`,
    ]);
  }
  const rc = join(peerDir, ".secretlintrc.json");
  writeFileSync(rc, JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
  return { bin, rc, formatter: join(HERE, "secretlint-count-formatter.mjs"), version: VERSION };
}
