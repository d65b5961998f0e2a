// Generates customer data the way projects keep it — CSV tables, JSON arrays, JSON maps keyed by
// id, SQL dumps (with and without a column list), Rails seeds and YAML fixtures, Laravel seeders,
// Django fixtures — with @faker-js/faker in the Japanese and the English locale. Each file knows
// the distinct people it holds (rows that repeat a person are written on purpose) and the line of
// every personal value (the truth for recall per kind). Negatives hold no person: a company's
// store list, an orders table whose only people are 3 staff members (3 persons, not 30).
// Everything is generated at bench time: nothing here is a real person.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Faker, base, en, ja } from "@faker-js/faker";

const HIRA_TO_KATA = (s) => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const KANA = /^[ぁ-んァ-ヶー]+$/;
const pad = (n) => String(n).padStart(2, "0");

/** A fictional person of faker's Japanese locale (readings made of the locale's kana given names). */
function personJa(f, i) {
  const kanaNames = f.definitions.person.first_name.female.concat(f.definitions.person.first_name.male).filter((n) => KANA.test(n));
  const sei = f.person.lastName();
  const mei = f.person.firstName();
  const seiKana = HIRA_TO_KATA(f.helpers.arrayElement(kanaNames) + f.helpers.arrayElement(["タ", "ノ", "ダ", "カワ", "モト"]));
  const meiKana = HIRA_TO_KATA(f.helpers.arrayElement(kanaNames));
  const mobile = f.helpers.replaceSymbols(f.helpers.arrayElement(["090-####-####", "080-####-####", "070-####-####"])).replace(/-(\d)/, (m, d) => `-${d === "0" ? "5" : d}`);
  const birth = f.date.birthdate({ mode: "age", min: 20, max: 80 });
  return {
    family: sei,
    given: mei,
    name: `${sei} ${mei}`,
    familyKana: seiKana,
    givenKana: meiKana,
    kana: `${seiKana} ${meiKana}`,
    email: `${f.string.alpha({ length: 6, casing: "lower" })}${i}${f.number.int({ min: 1, max: 99 })}@${f.helpers.arrayElement(f.definitions.internet.free_email)}`,
    phone: mobile,
    dob: `${birth.getUTCFullYear()}-${pad(birth.getUTCMonth() + 1)}-${pad(birth.getUTCDate())}`,
    address: `${f.location.state()}${f.location.city()}${f.location.street()}`,
  };
}

/** A fictional person of faker's English locale. */
function personEn(f, i) {
  const given = f.person.firstName();
  const family = f.person.lastName();
  const birth = f.date.birthdate({ mode: "age", min: 20, max: 80 });
  return {
    family,
    given,
    name: `${given} ${family}`,
    email: `${given.toLowerCase().replace(/[^a-z]/g, "")}.${family.toLowerCase().replace(/[^a-z]/g, "")}${i}@${f.helpers.arrayElement(["gmail.com", "yahoo.com", "hotmail.com", "outlook.com"])}`,
    phone: f.helpers.replaceSymbols("+1 (###) 555-####").replace(/\((\d)/, (m, d) => `(${d === "0" || d === "1" ? "2" : d}`),
    dob: `${birth.getUTCFullYear()}-${pad(birth.getUTCMonth() + 1)}-${pad(birth.getUTCDate())}`,
    address: `${f.location.buildingNumber()} ${f.location.street()}, ${f.location.city()}, ${f.location.state({ abbreviated: true })} ${f.location.zipCode("#####")}`,
  };
}

/** Collects lines of one file and the truth: which line holds which kind, and the distinct people. */
class Doc {
  constructor(path, format, locale) {
    Object.assign(this, { path, format, locale, lines: [], truth: [], people: new Set() });
  }
  add(line, kinds = [], who) {
    this.lines.push(line);
    for (const kind of kinds) this.truth.push({ path: this.path, line: this.lines.length, kind, format: this.format, locale: this.locale });
    if (who !== undefined) this.people.add(who);
  }
  text() {
    return this.lines.join("\n") + "\n";
  }
}

/** n people, then a list of rows in which about a fifth repeat an earlier person (same values). */
let uid = 0;
function rows(f, make, n) {
  const people = Array.from({ length: n }, () => ({ id: uid, ...make(f, uid++) }));
  const out = [...people];
  for (let i = 0; i < Math.round(n / 5); i++) out.splice(f.number.int({ min: 1, max: out.length }), 0, f.helpers.arrayElement(people));
  return out;
}

const q = (s) => `'${s.replace(/'/g, "''")}'`;
const j = (s) => JSON.stringify(s);

// Field sets: [key, person property, kind].
const JA_FIELDS = [["name", "name", "name"], ["name_kana", "kana", "name-kana"], ["email", "email", "email"], ["tel", "phone", "phone"], ["birthday", "dob", "dob"], ["address", "address", "address"]];
const JA_SPLIT = [["last_name", "family", "name"], ["first_name", "given", "name"], ["last_name_kana", "familyKana", "name-kana"], ["first_name_kana", "givenKana", "name-kana"], ["email", "email", "email"], ["phone", "phone", "phone"]];
const JA_HEADERS = [["氏名", "name", "name"], ["フリガナ", "kana", "name-kana"], ["メールアドレス", "email", "email"], ["電話番号", "phone", "phone"], ["生年月日", "dob", "dob"], ["住所", "address", "address"]];
const EN_FIELDS = [["first_name", "given", "name"], ["last_name", "family", "name"], ["email", "email", "email"], ["phone", "phone", "phone"], ["birth_date", "dob", "dob"], ["address", "address", "address"]];
const EN_WHOLE = [["name", "name", "name"], ["email", "email", "email"], ["phone", "phone", "phone"], ["date_of_birth", "dob", "dob"]];

function csv(path, locale, people, fields) {
  const doc = new Doc(path, "csv", locale);
  doc.add(["id", ...fields.map(([k]) => k)].join(","));
  people.forEach((p, i) => doc.add([i + 1, ...fields.map(([, prop]) => (/[",]/.test(p[prop]) ? j(p[prop]) : p[prop]))].join(","), fields.map(([, , kind]) => kind), p.id));
  return doc;
}

/** Pretty JSON, one field a line: an array of objects, or a map keyed by id ({"C0001": {…}}). */
function json(path, locale, people, fields, keyed) {
  const doc = new Doc(path, keyed ? "json-map" : "json", locale);
  doc.add(keyed ? "{" : "[");
  people.forEach((p, i) => {
    doc.add(keyed ? `  ${j(`C${String(i + 1).padStart(4, "0")}`)}: {` : "  {");
    doc.add(`    "id": ${i + 1},`);
    fields.forEach(([k, prop, kind], x) => doc.add(`    ${j(k)}: ${j(p[prop])}${x < fields.length - 1 ? "," : ""}`, [kind], p.id));
    doc.add(i < people.length - 1 ? "  }," : "  }");
  });
  doc.add(keyed ? "}" : "]");
  return doc;
}

/** An SQL dump: CREATE TABLE and one INSERT a row; without a column list the CREATE TABLE is in `schemaPath`. */
function sql(path, locale, people, fields, schemaDoc) {
  const doc = new Doc(path, schemaDoc ? "sql-no-columns" : "sql", locale);
  const create = [`CREATE TABLE customers (`, `  id integer PRIMARY KEY,`, ...fields.map(([k], x) => `  ${k} varchar(255)${x < fields.length - 1 ? "," : ""}`), `);`];
  if (schemaDoc) for (const l of create) schemaDoc.add(l);
  else for (const l of create) doc.add(l);
  const cols = schemaDoc ? "" : ` (id, ${fields.map(([k]) => k).join(", ")})`;
  people.forEach((p, i) => doc.add(`INSERT INTO customers${cols} VALUES (${i + 1}, ${fields.map(([, prop]) => q(p[prop])).join(", ")});`, fields.map(([, , kind]) => kind), p.id));
  return doc;
}

/** Rails seeds: one `User.create!(` a person, one field a line. */
function seeds(path, locale, people, fields) {
  const doc = new Doc(path, "rails-seeds", locale);
  for (const p of people) {
    doc.add("User.create!(");
    fields.forEach(([k, prop, kind]) => doc.add(`  ${k}: ${j(p[prop])},`, [kind], p.id));
    doc.add('  password: "password"');
    doc.add(")");
  }
  return doc;
}

/** Rails YAML fixtures: one entry a person. */
function yamlFixtures(path, locale, people, fields) {
  const doc = new Doc(path, "yaml-fixtures", locale);
  people.forEach((p, i) => {
    doc.add(`user_${i + 1}:`);
    fields.forEach(([k, prop, kind]) => doc.add(`  ${k}: ${j(p[prop])}`, [kind], p.id));
    doc.add("");
  });
  return doc;
}

/** A Laravel seeder: DB::table('customers')->insert([[ 'key' => value, … ], …]). */
function laravel(path, locale, people, fields) {
  const doc = new Doc(path, "laravel-seeder", locale);
  for (const l of ["<?php", "", "namespace Database\\Seeders;", "", "use Illuminate\\Database\\Seeder;", "use Illuminate\\Support\\Facades\\DB;", "", "class CustomerSeeder extends Seeder", "{", "    public function run(): void", "    {", "        DB::table('customers')->insert(["]) doc.add(l);
  for (const p of people) {
    doc.add("            [");
    fields.forEach(([k, prop, kind]) => doc.add(`                '${k}' => ${q(p[prop]).replace(/''/g, "\\'")},`, [kind], p.id));
    doc.add("            ],");
  }
  for (const l of ["        ]);", "    }", "}"]) doc.add(l);
  return doc;
}

/** A Django fixture: [{"model": "crm.customer", "pk": 1, "fields": {…}}]. */
function django(path, locale, people, fields) {
  const doc = new Doc(path, "django-fixture", locale);
  doc.add("[");
  people.forEach((p, i) => {
    doc.add("  {");
    doc.add('    "model": "crm.customer",');
    doc.add(`    "pk": ${i + 1},`);
    doc.add('    "fields": {');
    fields.forEach(([k, prop, kind], x) => doc.add(`      ${j(k)}: ${j(p[prop])}${x < fields.length - 1 ? "," : ""}`, [kind], p.id));
    doc.add("    }");
    doc.add(i < people.length - 1 ? "  }," : "  }");
  });
  doc.add("]");
  return doc;
}

/** No person: a company's stores (name, address, phone). */
function stores(f, path, locale, n) {
  const doc = new Doc(path, "negative-stores", locale);
  doc.add("store_id,store_name,address,tel");
  for (let i = 0; i < n; i++) {
    const city = f.location.city();
    const name = locale === "ja" ? `${f.company.name()} ${city}店` : `${f.company.name()} ${city} Store`;
    doc.add(`${i + 1},${j(name)},${j(locale === "ja" ? `${f.location.state()}${city}${f.location.street()}` : f.location.streetAddress())},${locale === "ja" ? f.helpers.replaceSymbols("03-####-####").replace(/-0/, "-5") : f.helpers.replaceSymbols("+1 (212) 555-####")}`);
  }
  return doc;
}

/** Orders handled by 3 staff members: 3 persons however many rows. */
function orders(f, path, locale, make, n) {
  const doc = new Doc(path, "staff-orders", locale);
  const staff = Array.from({ length: 3 }, () => ({ id: uid, ...make(f, uid++) }));
  doc.add("order_id,ordered_at,amount,staff_name,staff_email");
  for (let i = 0; i < n; i++) {
    const s = f.helpers.arrayElement(staff);
    doc.add(`${10000 + i},2024-0${1 + (i % 9)}-1${i % 10},${f.number.int({ min: 500, max: 90000 })},${s.name},${s.email}`, ["name", "email"], s.id);
  }
  return doc;
}

/**
 * Writes the corpus into `dir` (n people per file, seeded) and returns
 * { files: [{path, format, locale, persons, negative}], truth: [{path, line, kind, format, locale}],
 * persons: distinct people in the whole corpus }.
 */
export function generate(dir, { n = 40, seed = 1 } = {}) {
  const docs = [];
  for (const locale of ["ja", "en"]) {
    const f = new Faker({ locale: locale === "ja" ? [ja, base] : [en, base] });
    f.seed(seed);
    const make = locale === "ja" ? personJa : personEn;
    const whole = locale === "ja" ? JA_FIELDS : EN_WHOLE;
    const split = locale === "ja" ? JA_SPLIT : EN_FIELDS;
    const at = (p) => `${locale}/${p}`;
    docs.push(csv(at("export/customers.csv"), locale, rows(f, make, n), locale === "ja" ? JA_HEADERS : EN_FIELDS));
    docs.push(json(at("data/customers.json"), locale, rows(f, make, n), whole, false));
    docs.push(json(at("data/customers_by_id.json"), locale, rows(f, make, n), split, true));
    docs.push(sql(at("db/dump.sql"), locale, rows(f, make, n), whole));
    const schema = new Doc(at("db/schema.sql"), "sql-schema", locale);
    docs.push(sql(at("db/data.sql"), locale, rows(f, make, n), split, schema));
    docs.push(schema);
    // the seed and the test fixture hold the same people (one person in two files counts once)
    const users = rows(f, make, n);
    docs.push(seeds(at("db/seeds.rb"), locale, users, split));
    docs.push(yamlFixtures(at("test/fixtures/users.yml"), locale, users, whole));
    docs.push(laravel(at("database/seeders/CustomerSeeder.php"), locale, rows(f, make, n), whole));
    docs.push(django(at("crm/fixtures/customers.json"), locale, rows(f, make, n), split));
    docs.push(stores(f, at("master/stores.csv"), locale, n));
    docs.push(orders(f, at("export/orders.csv"), locale, make, n));
  }
  const files = [];
  const truth = [];
  const everyone = new Set();
  for (const doc of docs) {
    mkdirSync(join(dir, doc.path, ".."), { recursive: true });
    writeFileSync(join(dir, doc.path), doc.text());
    files.push({ path: doc.path, format: doc.format, locale: doc.locale, persons: doc.people.size, negative: doc.people.size === 0 });
    truth.push(...doc.truth);
    for (const id of doc.people) everyone.add(id);
  }
  return { files, truth, persons: everyone.size };
}
