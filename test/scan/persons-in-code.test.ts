import { faker as ja } from "@faker-js/faker/locale/ja";
import { faker as en } from "@faker-js/faker/locale/en";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";

// People kept the way real projects keep them (seeds, fixtures, mocks, API examples), generated
// here at test time: random pairs of common names (nobody in particular), random readings.
ja.seed(18);
en.seed(18);
const SYLLABLES = [..."アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"];
const kana = (n = 3) => Array.from({ length: n }, () => ja.helpers.arrayElement(SYLLABLES)).join("");
const hira = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const phone = () => `090-${ja.string.numeric(4)}-${ja.string.numeric(4)}`;
const person = () => ({ sei: ja.person.lastName(), mei: ja.person.firstName(), seiKana: kana(), meiKana: kana(), tel: phone() });
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

const files: Record<string, { text: string; persons: number }> = {
  "db/seeds.rb": {
    persons: 3,
    text: times(3, () => person())
      .map((p) => `User.create!(name: "${p.sei} ${p.mei}", name_kana: "${p.seiKana} ${p.meiKana}", tel: "${p.tel}")`)
      .join("\n"),
  },
  "db/seeds/customers.rb": {
    // a name split over family/given fields is one person per record
    persons: 2,
    text: times(2, () => person())
      .map((p) => `Customer.create!(\n  :last_name => '${p.sei}',\n  :first_name => '${p.mei}',\n  :last_name_kana => '${p.seiKana}',\n  :first_name_kana => '${p.meiKana}'\n)`)
      .join("\n"),
  },
  "database/seeders/UserSeeder.php": {
    persons: 2,
    text: `<?php\nDB::table('users')->insert([\n${times(2, () => person())
      .map((p) => `    ['name' => '${p.sei} ${p.mei}', 'tel' => '${p.tel}'],`)
      .join("\n")}\n]);\n`,
  },
  "app/fixtures/people.json": {
    persons: 2,
    text: JSON.stringify(times(2, (i) => ({ model: "app.person", pk: i + 1, fields: (({ sei, mei, seiKana, meiKana }) => ({ name: `${sei} ${mei}`, kana: `${seiKana} ${meiKana}` }))(person()) })), null, 2),
  },
  "app/fixtures/people.yaml": {
    persons: 2,
    text: times(2, (i) => person())
      .map((p, i) => `- model: app.person\n  pk: ${i + 1}\n  fields:\n    name: ${p.sei} ${p.mei}\n    phone: "${p.tel}"\n`)
      .join(""),
  },
  "test/fixtures/users.yml": {
    persons: 3,
    text: times(3, () => person())
      .map((p, i) => `user_${i}:\n  last_name: ${p.sei}\n  first_name: ${p.mei}\n  furigana: ${hira(p.seiKana)} ${hira(p.meiKana)}\n`)
      .join("\n"),
  },
  "app/seed.py": {
    persons: 2,
    text: times(2, () => person())
      .map((p) => `Person.objects.create(name="${p.sei} ${p.mei}", phone='${p.tel}')`)
      .join("\n"),
  },
  "src/mocks/users.ts": {
    // kana-only (spaced) under `name`, a foreign name split over firstName/lastName, a full_name
    persons: 3,
    text: `export const users = [\n  { id: 1, name: '${kana()} ${kana()}' },\n  { id: 2, firstName: '${en.person.firstName()}', lastName: '${en.person.lastName()}' },\n  { id: 3, full_name: "${en.person.firstName()} ${en.person.lastName()}" },\n];\n`,
  },
  "app/views/mentors.html": {
    // one mentor named with and without the space between family and given name: one person
    persons: 1,
    text: ((p) => `<ul>\n  <li class="mentor-name">氏名：${p.sei} ${p.mei}</li>\n</ul>\n<p>${p.sei}${p.mei}様のレビューを受けて学びました。</p>\n`)(person()),
  },
  "data/customers.json": {
    // an object keyed by ids, katakana-only names: each inner object is one customer
    persons: 5,
    text: JSON.stringify(Object.fromEntries(times(5, (i) => [`C${String(i + 1).padStart(4, "0")}`, { name: `${kana()} ${kana(2)}`, kana: `${kana()} ${kana(2)}` }]))),
  },
  "docs/openapi.yaml": {
    // an API description's example values document the schema: nobody (issue #10, holdout-3)
    persons: 0,
    text: `openapi: 3.0.0\ncomponents:\n  schemas:\n    Person:\n      type: object\n      properties:\n        name:\n          type: string\n          example: ${ja.person.lastName()} ${ja.person.firstName()}\n        name_kana:\n          type: string\n          example: ${kana()} ${kana()}\n`,
  },
  "spec/factories/users.rb": {
    // FactoryBot: each factory with literal name blocks is one person; a sequence's template and
    // a Faker call are no one in particular
    persons: 2,
    text: `FactoryBot.define do\n${times(2, (i) => person())
      .map((p, i) => `  factory :user${i}, class: User do\n    sequence(:email) { |n| "user#{n}@example.com" }\n    last_name { '${p.sei}' }\n    first_name { '${p.mei}' }\n    furigana { "${p.seiKana} ${p.meiKana}" }\n    tel { '${p.tel}' }\n    password { Faker::Internet.password }\n  end\n`)
      .join("")}end\n`,
  },
  "spec/factories/staff.rb": {
    // the older FactoryGirl form: one person per factory, the same person in two factories once
    persons: 1,
    text: ((p) => `Factory.define :staff do |u|\n  u.name "${p.sei} ${p.mei}"\n  u.tel "${p.tel}"\nend\nFactory.define :admin do |u|\n  u.name "${p.sei} ${p.mei}"\n  u.tel "${p.tel}"\nend\n`)(person()),
  },
  "spec/models/user_spec.rb": {
    // validation tests build users with one name part each: nobody; both parts: one person
    persons: 1,
    text: ((a, b) => `user = build(:user, last_name: '${a.sei}')\nuser = build(:user, first_name: '${a.mei}')\nuser = build(:user, last_name: '${b.sei}', first_name: '${b.mei}')\n`)(person(), person()),
  },
  // negatives
  "data/municipalities.csv": {
    persons: 0,
    text: `code,pref,name,kana\n${times(4, (i) => `0${i}1002,北海道,${ja.location.city()},${kana(4)}`).join("\n")}\n`,
  },
  "data/stations.json": {
    persons: 0,
    text: JSON.stringify(times(3, () => ({ station_name: ja.location.city(), reading: kana(4), line: "本線" }))),
  },
  "src/ui/menu.ts": {
    persons: 0,
    text: "export const menu = [\n  { name: 'ログイン ページ', path: '/login' },\n  { name: 'ホーム', path: '/' },\n  { name: 'Primary Button', kind: 'button' },\n  { name: 'Deploy Production' },\n];\n",
  },
};

describe("persons kept in code, fixtures and schemas", () => {
  const config = configSchema.parse({});
  const result = scanFiles(
    Object.entries(files).map(([path, f]) => ({ path, bytes: new TextEncoder().encode(f.text) })),
    config,
    { rules: loadRules() },
  );
  const byFile = new Map(result.impact.files.map((f) => [f.path, f.persons]));
  it.each(Object.entries(files).map(([path, f]) => [path, f.persons]))("%s: %i persons", (path, persons) => {
    const found = result.findings.filter((f) => f.path === path).map((f) => `${f.ruleId}@${f.line}:${f.key}`);
    expect(byFile.get(path) ?? 0, `${files[path].text}\nfindings: ${found.join(", ")}`).toBe(persons);
  });
});

describe("patients are special-care information", () => {
  const config = configSchema.parse({});
  const rules = loadRules();
  const scan = (files: Record<string, string>) =>
    scanFiles(Object.entries(files).map(([path, text]) => ({ path, bytes: new TextEncoder().encode(text) })), config, { rules });

  it("marks a clinic's patient list sensitive with the reason, and reportable from one person", () => {
    const p = person();
    const r = scan({ "db/seeds.rb": `Patient.create!(name: "${p.sei} ${p.mei}", name_kana: "${p.seiKana} ${p.meiKana}", tel: "${p.tel}")\n` });
    expect(r.impact.persons).toBe(1);
    expect(r.impact.sensitive).toBe(true);
    expect(r.impact.sensitiveReasons).toEqual(["patients"]);
    expect(r.impact.appi.triggers).toContain("sensitive");
    expect(r.findings.filter((f) => f.tags.includes("medical-context")).map((f) => f.kind).sort()).toEqual(["name", "name-kana", "phone"]);
  });

  it("says nothing of patients where no person is", () => {
    const r = scan({ "app/models/patient.rb": "class Patient < ApplicationRecord\n  has_many :reservations # 予約 (clinic)\nend\n", "docs/初診.md": "初診の方は受付へ\n" });
    expect(r.findings).toEqual([]);
    expect(r.impact.sensitive).toBe(false);
  });
});
