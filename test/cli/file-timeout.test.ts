import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { scanFolderInThreads } from "../../src/cli/scan-folder-in-threads.js";
import { configSchema } from "../../src/config/config-schema.js";
import type { Finding } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { ruleSchema } from "../../src/rules/rule-schema.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

const dir = mkdtempSync(join(tmpdir(), "mamori-file-timeout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A rule given to the threads directly runs on JavaScript's RegExp: on `stuck.txt` it backtracks
// for longer than any test runs, like a super-linear pattern on a hostile file.
const hanging = ruleSchema.parse({
  id: "test-exponential",
  title: { en: "Exponential", ja: "指数" },
  remediation: { en: "-", ja: "-" },
  category: "secret",
  kind: "test",
  severity: "low",
  keywords: ["stuck"],
  pattern: "stuck (a+)+$",
  samples: { match: ["stuck aaaa"], nomatch: ["x"] },
});

describe("--file-timeout: a file that does not finish is skipped, not hung on", () => {
  it("ends the thread, lists the file as skipped (timeout) and scans every other file of its batch", { timeout: 60_000 }, async () => {
    const token = () => `GITHUB_TOKEN=${expandTemplate("ghp_{{base62:30}}{{crc32-github}}")}\n`;
    const files = ["a.env", "b.env", "stuck.txt", "y.env", "z.env"];
    for (const f of files) writeFileSync(join(dir, f), f === "stuck.txt" ? `stuck ${"a".repeat(60)}!\n` : token());
    const threadDir = await bundleEntries("cli-timeout", { "cli-scan-thread": "src/cli/cli-scan-thread.ts" });
    const found: Finding[] = [];
    const result = await scanFolderInThreads(dir, files, configSchema.parse({}), {
      threads: 1,
      rules: [...loadRules().filter((r) => r.id.startsWith("github-")), hanging],
      ignored: new Set(),
      fingerprintKey: randomBytes(32),
      fileTimeoutMs: 1500,
      onFindings: (f) => found.push(...f),
      threadUrl: pathToFileURL(join(threadDir, "cli-scan-thread.js")),
    });
    expect(found.map((f) => f.path).sort()).toEqual(["a.env", "b.env", "y.env", "z.env"]);
    expect(result.stats.skipped).toEqual([{ path: "stuck.txt", reason: "timeout: not scanned within 1.5 s (--file-timeout)" }]);
  });
});
