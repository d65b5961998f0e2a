import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { decodeFile } from "../../src/decode/decode-file.js";
import { sqliteEngine } from "../../src/decode/sqlite-tables.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";
import { classifyPath } from "../../src/app/classify-path.js";
import { shopData } from "../db/fixtures.js";

function sqliteBytes(): { bytes: Uint8Array; values: string[] } {
  const SQL = sqliteEngine()!;
  const data = shopData(12);
  const db = new SQL.Database();
  db.run('CREATE TABLE users (id int, "氏名" text, "住所" text, "電話番号" text, "メールアドレス" text)');
  db.run("CREATE TABLE settings (name text, value text)");
  for (const r of data.customers.rows) db.run("INSERT INTO users VALUES (?,?,?,?,?)", r);
  for (const r of data.settings.rows) db.run("INSERT INTO settings VALUES (?,?)", r);
  const bytes = db.export();
  db.close();
  return { bytes, values: data.values };
}

describe("SQLite database files in a repository", () => {
  const config = configSchema.parse({});

  it("are decoded as one table unit per table, whatever the extension", () => {
    const { bytes } = sqliteBytes();
    for (const name of ["db/development.sqlite3", "app.db", "data.bin.sqlite"]) {
      const { units, skipped } = decodeFile(name, bytes, config.scan);
      expect(skipped).toEqual([]);
      expect(units.map((u) => u.path)).toEqual([`${name}!settings`, `${name}!users`]);
      expect(units.find((u) => u.path.endsWith("!users"))!.records).toBe(12);
    }
  });

  it("give findings per table with the row as line, and a person per row", () => {
    const { bytes, values } = sqliteBytes();
    const r = scanFiles([{ path: "app.db", bytes }], config, { rules: loadRules() });
    expect(new Set(r.findings.map((f) => f.path))).toEqual(new Set(["app.db!users", "app.db!settings"]));
    expect(r.findings.find((f) => f.category === "secret")).toMatchObject({ path: "app.db!settings", line: 1 });
    expect(r.impact.persons).toBe(12);
    expect(r.impact.files.map((f) => ({ path: f.path, persons: f.persons }))).toEqual([{ path: "app.db!users", persons: 12 }]);
    const text = JSON.stringify(r.findings);
    for (const v of values) expect(text).not.toContain(v);
  });

  it("list a corrupt database as skipped, never pass it silently", () => {
    const { bytes } = sqliteBytes();
    const broken = bytes.slice(0, 4096);
    broken.fill(0xff, 100, 4096);
    const { units, skipped } = decodeFile("app.db", broken, config.scan);
    expect(units).toEqual([]);
    expect(skipped[0]).toMatchObject({ path: "app.db", reason: expect.stringMatching(/corrupt sqlite database/) });
  });

  it("are read whole by the app", () => {
    for (const p of ["app.db", "db/development.sqlite3", "x.sqlite"]) expect(classifyPath(p)).toBe("data");
  });
});
