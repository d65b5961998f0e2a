import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeFile } from "../../src/decode/decode-file.js";
import { OPTIONS } from "./helpers.js";

/**
 * The synthetic evaluation corpus, when it is on this machine (MAMORI_EVAL_REPO or
 * ../shared/eval/dev/repo): every file is either decoded or skipped with a reason. Only counts
 * and paths are checked; no value of the corpus is read into an assertion.
 */
const root = process.env.MAMORI_EVAL_REPO ?? join(import.meta.dirname, "../../../shared/eval/dev/repo");

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}

describe.skipIf(!existsSync(root))("eval corpus", () => {
  it("every file decodes or is skipped with a reason", () => {
    let files = 0;
    const containers: string[] = [];
    for (const p of walk(root)) {
      files++;
      const rel = relative(root, p).split("\\").join("/");
      const { units, skipped } = decodeFile(rel, readFileSync(p), OPTIONS);
      expect(units.length + skipped.length, rel).toBeGreaterThan(0);
      for (const s of skipped) expect(s.reason, s.path).not.toMatch(/^could not decode/);
      for (const u of units) {
        expect(u.path.startsWith(rel), u.path).toBe(true);
        if (u.path !== rel) containers.push(u.path);
        expect(u.locate!(0).line ?? 1).toBeGreaterThanOrEqual(1);
      }
    }
    expect(files).toBeGreaterThan(100);
    expect(containers.some((p) => /\.xlsx!/.test(p))).toBe(true);
    expect(containers.some((p) => /\.zip!/.test(p))).toBe(true);
  });
});
