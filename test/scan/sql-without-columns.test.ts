import { faker as ja } from "@faker-js/faker/locale/ja";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectFolderSchemas } from "../../src/cli/collect-folder-schemas.js";
import { configSchema } from "../../src/config/config-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles, type ScanInput } from "../../src/scan/scan-files.js";

// INSERTs without a column list: the columns come from a CREATE TABLE / migration elsewhere in
// the tree, or from what the values are. Names and readings generated at test time.
ja.seed(7);
const SYL = [..."アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"];
const kana = () => Array.from({ length: 3 }, () => ja.helpers.arrayElement(SYL)).join("");
const date = (i: number) => `19${60 + i}-0${1 + (i % 9)}-1${i % 9}`;
const tuples = (n: number) =>
  Array.from({ length: n }, (_, i) => `(${i + 1},'${ja.person.lastName()} ${ja.person.firstName()}','${kana()} ${kana()}','${date(i)}')`).join(",\n");
const dump = (table: string, n: number) => `INSERT INTO \`${table}\` VALUES ${tuples(n)};\n`;

const config = configSchema.parse({});
const rules = loadRules();
const enc = (s: string) => new TextEncoder().encode(s);
const persons = (inputs: ScanInput[], path: string, options = {}) => {
  const r = scanFiles(inputs, config, { rules, ...options });
  return { persons: r.impact.files.find((f) => f.path === path)?.persons ?? 0, kinds: r.impact.kinds, keys: [...new Set(r.findings.filter((f) => f.path === path).map((f) => f.key))] };
};

describe("SQL without a column list", () => {
  it("takes the columns from a Rails schema elsewhere in the tree", () => {
    const schema = 'ActiveRecord::Schema[7.1].define(version: 1) do\n  create_table "patients" do |t|\n    t.string "full_name"\n    t.string "name_kana"\n    t.date "birthday"\n  end\nend\n';
    const r = persons([{ path: "db/schema.rb", bytes: enc(schema) }, { path: "backup/dump.sql", bytes: enc(dump("patients", 4)) }], "backup/dump.sql");
    expect(r.persons).toBe(4);
    expect(r.keys.sort()).toEqual(["birthday", "full_name", "name_kana"]);
    expect(r.kinds).toContain("dob");
  });

  it("takes them from a Laravel migration passed by the CLI's pre-pass", () => {
    const dir = mkdtempSync(join(tmpdir(), "mamori-schemas-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const files: Record<string, string> = {
      "database/migrations/2024_01_01_create_members_table.php": "<?php\nSchema::create('members', function (Blueprint $table) {\n    $table->id();\n    $table->string('name');\n    $table->string('kana');\n    $table->date('birth_date');\n});\n",
      "dump.sql": dump("members", 3),
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), t);
    }
    const tableSchemas = collectFolderSchemas(dir, Object.keys(files));
    expect(tableSchemas.get("members")).toEqual(["id", "name", "kana", "birth_date"]);
    const r = persons([{ path: "dump.sql", bytes: enc(files["dump.sql"]) }], "dump.sql", { tableSchemas });
    expect(r.persons).toBe(3);
    expect(r.keys.sort()).toEqual(["birth_date", "kana", "name"]);
  });

  it("infers each position's kind from its values when no schema is found", () => {
    const r = persons([{ path: "dump.sql", bytes: enc(dump("t1", 5)) }], "dump.sql");
    expect(r.persons).toBe(5);
    expect(r.keys.sort()).toEqual(["column 2 (氏名)", "column 3 (フリガナ)", "column 4 (生年月日)"]);
  });

  it("infers the columns of a headerless CSV the same way, and keeps place lists out", () => {
    const people = Array.from({ length: 4 }, (_, i) => `${i + 1},${ja.person.lastName()} ${ja.person.firstName()},${kana()} ${kana()},${date(i)}`).join("\n");
    expect(persons([{ path: "people.csv", bytes: enc(people + "\n") }], "people.csv").persons).toBe(4);
    const places = Array.from({ length: 4 }, (_, i) => `0${i}1002,北海道,${ja.location.city()}市,${kana()}${kana()}`).join("\n");
    expect(persons([{ path: "codes.csv", bytes: enc(places + "\n") }], "codes.csv").persons).toBe(0);
  });
});
