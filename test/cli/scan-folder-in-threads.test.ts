import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { scanFolderInThreads } from "../../src/cli/scan-folder-in-threads.js";
import { readFiles } from "../../src/cli/read-files.js";
import { configSchema } from "../../src/config/config-schema.js";
import type { Finding } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// A folder scanned on threads gives exactly what one thread gives: the same findings in the
// same order, the same impact (persons deduplicated across batches) and the same stats.
const dir = mkdtempSync(join(tmpdir(), "mamori-threads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paths: string[] = [];
for (let i = 0; i < 300; i++) {
  const path = `src/file-${String(i).padStart(3, "0")}.${i % 50 === 7 ? "csv" : "ts"}`;
  const text =
    i % 50 === 7
      ? expandTemplate(`氏名,電話番号,個人番号\n{{sei}} {{mei}},{{mobile}},{{mynumber}}\n{{sei}} {{mei}},{{mobile}},{{mynumber}}\n`)
      : i % 40 === 3
        ? expandTemplate(`export const token = "ghp_{{base62:30}}{{crc32-github}}";\n`)
        : `export const value${i} = ${i};\n`;
  paths.push(path);
  writeFileSync(join(dir, path.replace("src/", "")), text);
}
const files = paths.map((p) => p.replace("src/", ""));

describe("scanFolderInThreads", () => {
  it("matches the single-threaded scan", { timeout: 60_000 }, async () => {
    const config = configSchema.parse({});
    const rules = loadRules();
    const single: Finding[] = [];
    const one = scanFiles(readFiles(dir, files, []), config, { rules, onFindings: (f) => single.push(...f) });
    const threadDir = await bundleEntries("cli-threads", { "cli-scan-thread": "src/cli/cli-scan-thread.ts" });
    const threaded: Finding[] = [];
    const many = await scanFolderInThreads(dir, files, config, {
      threads: 3,
      rules,
      ignored: new Set(),
      onFindings: (f) => threaded.push(...f),
      threadUrl: pathToFileURL(join(threadDir, "cli-scan-thread.js")),
    });
    expect(single.length).toBeGreaterThan(10);
    expect(threaded).toEqual(single);
    expect(many.impact).toEqual(one.impact);
    expect({ ...many.stats, durationMs: 0 }).toEqual({ ...one.stats, durationMs: 0 });
  });
});
