import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSqlite } from "../../src/decode/sqlite-tables.js";
import { bundleEntries } from "../worker/helpers/bundle-entries.js";

// Issue 11: `mamori scan-db` compiled custom rules on JavaScript's RegExp (a backtracking pattern
// in the configuration hung it for good) and had no time budget per table. Here a custom rule
// that backtracks exponentially on JavaScript meets a cell made for it, and a table far larger
// than a 1 ms budget allows is read (the outcomes are asserted, not durations).
let cli: string;
const dir = mkdtempSync(join(tmpdir(), "mamori-db-budget-"));
const file = join(dir, "app.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  cli = `${await bundleEntries("db-budget", { main: "src/cli/main.ts", "cli-scan-thread": "src/cli/cli-scan-thread.ts" })}/main.js`;
  const SQL = (await loadSqlite())!;
  const db = new SQL.Database();
  db.run("CREATE TABLE events (id int, note text)");
  db.run("BEGIN");
  for (let i = 0; i < 10_000; i++) db.run("INSERT INTO events VALUES (?, ?)", [i, `event ${i} value text`]);
  db.run("COMMIT");
  db.run("CREATE TABLE notes (id int, body text)");
  db.run("INSERT INTO notes VALUES (1, ?)", [`stuck ${"a".repeat(64)}!`]);
  writeFileSync(file, db.export());
  db.close();
  writeFileSync(
    join(dir, "mamori.yml"),
    [
      "custom:",
      "  - id: acme-stuck",
      "    title: { en: Stuck, ja: 停止 }",
      "    remediation: { en: '-', ja: '-' }",
      "    category: secret",
      "    kind: acme-stuck",
      "    severity: low",
      "    keywords: [stuck]",
      "    pattern: 'stuck (a+)+$'",
      "    samples:",
      "      match: ['stuck aaaa']",
      "      nomatch: ['x']",
      "",
    ].join("\n"),
  );
}, 120_000);

/** The CLI in a child process, killed after `killAfterMs` (a hang is then a failed assertion, not a stuck test run). */
function run(args: string[], killAfterMs = 90_000) {
  return new Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, MAMORI_FINGERPRINT_KEY: "2".repeat(64) }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, killAfterMs);
    child.stdout.on("data", (c: Buffer) => (stdout += c));
    child.stderr.on("data", (c: Buffer) => (stderr += c));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stdout, stderr });
    });
  });
}

describe("scan-db: nothing hangs", () => {
  it("a custom rule that backtracks on JavaScript runs on RE2, as in a folder scan: the table is read", { timeout: 120_000 }, async () => {
    const r = await run(["scan-db", `sqlite:${file}`, "--config", "mamori.yml", "--tables", "notes", "--format", "json", "--quiet"]);
    expect(r.killed).toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).stats).toMatchObject({ files: 1, skipped: [] });
  });

  it("a table past its time budget is read no further and listed as skipped (timeout), exit 3; other tables are scanned", { timeout: 120_000 }, async () => {
    const r = await run(["scan-db", `sqlite:${file}`, "--file-timeout", "0.001", "--format", "json"]);
    expect(r.killed).toBe(false);
    expect(r.code, r.stderr).toBe(3);
    const stats = JSON.parse(r.stdout).stats as { files: number; skipped: { path: string; reason: string }[] };
    expect(stats.skipped).toEqual([{ path: "db:app.db/main.events", reason: "timeout: not scanned within 0.001 s (--file-timeout)" }]);
    expect(stats.files).toBe(1); // notes, one batch: read whole
    expect(r.stderr).toMatch(/main\.events: [\d,]+ rows — timeout: not scanned within 0.001 s/);
  });
});
