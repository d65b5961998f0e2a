import { fakerJA as faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { configSchema, type ConfigInput } from "../../src/config/config-schema.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { scanFiles } from "../../src/scan/scan-files.js";

// The person model end to end (decode -> engine -> filters -> impact), on data generated here:
// who a value belongs to decides whether it is reported and counted.
faker.seed(20241203);
const rules = loadRules();
const enc = new TextEncoder();
const scan = (files: Record<string, string>, config: ConfigInput = {}) =>
  scanFiles(
    Object.entries(files).map(([path, text]) => ({ path, bytes: enc.encode(text) })),
    configSchema.parse(config),
    { rules },
  );
const lower = (n: number) => faker.string.alpha({ length: n, casing: "lower" });
const personalMail = () => `${lower(5)}.${lower(6)}@gmail.com`;
const fullName = () => `${faker.person.lastName()} ${faker.person.firstName()}`;
const mobile = () => `090-${faker.string.numeric(4)}-${faker.string.numeric(4)}`;
const address = () => `東京都${faker.helpers.arrayElement(["新宿区", "港区", "世田谷区", "品川区"])}${faker.helpers.arrayElement(["西新宿", "芝浦", "三軒茶屋", "大崎"])}${faker.number.int({ min: 1, max: 5 })}-${faker.number.int({ min: 1, max: 20 })}-${faker.number.int({ min: 1, max: 30 })}`;

describe("person model", () => {
  it("reports no persons and no APPI report for an address list with nobody in it", () => {
    const rows = Array.from({ length: 1500 }, () => address());
    const r = scan({ "test/addresses.csv": ["住所", ...rows].join("\n"), "test/list.txt": rows.join("\n") });
    expect(r.findings).toEqual([]);
    expect(r.impact.persons).toBe(0);
    expect(r.impact.appi.reportRequired).toBe(false);
  });

  it("keeps a store list (names of stores, addresses, representative phones) silent", () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${faker.location.city()}${["店", "支店", "営業所"][i % 3]},${address()},03-${faker.string.numeric(4)}-${faker.string.numeric(4)}`);
    const r = scan({ "db/stores.csv": ["店舗名,住所,電話番号", ...rows].join("\n") });
    expect(r.findings).toEqual([]);
    expect(r.impact.persons).toBe(0);
  });

  it("counts a customer list by the rows that name someone, and says which columns made them persons", () => {
    const rows = Array.from({ length: 12 }, () => `${fullName()},${address()},${mobile()}`);
    const r = scan({ "data/customers.csv": ["氏名,住所,電話番号", ...rows, `,${address()},`].join("\n") });
    expect(r.impact.persons).toBe(12);
    expect(r.impact.files[0].basis).toMatchObject({ method: "records", fields: ["氏名"], withoutPerson: 1 });
  });

  it("counts 30 order rows of 3 staff as 3 persons", () => {
    const staff = [fullName(), fullName(), fullName()];
    const rows = Array.from({ length: 30 }, (_, i) => `${1000 + i},${staff[i % 3]}`);
    const r = scan({ "data/orders.csv": ["注文番号,担当者名", ...rows].join("\n") });
    expect(r.impact.persons).toBe(3);
    expect(r.impact.files[0].basis.repeated).toBe(27);
  });

  it("keeps author credits silent by default and reports them with pii.authorCredits, without counting them as persons", () => {
    const who = `${faker.person.firstName()} ${faker.person.lastName()}`;
    const mail = personalMail();
    const files = {
      "package.json": JSON.stringify({ name: "x", author: `${who} <${mail}>`, contributors: [{ name: who, email: personalMail() }] }, null, 2),
      "composer.lock": JSON.stringify({ packages: [{ authors: [{ name: who, email: personalMail() }] }] }, null, 2),
      "LICENSE": `MIT License\n\nCopyright (c) 2024 ${who} <${mail}>\n`,
      "AUTHORS": `${who} <${personalMail()}>\n`,
      "CHANGELOG.md": `## 1.0.0\n- fix parser\n\nCo-authored-by: ${who} <${personalMail()}>\n`,
      "lib/util.js": `/**\n * @author ${who} <${personalMail()}>\n */\nexport const x = 1;\n`,
      "README.md": `# tool\n\nUsage.\n\n## Author\n\n${who} <${personalMail()}>\n`,
    };
    expect(scan(files).findings).toEqual([]);
    const on = scan(files, { pii: { authorCredits: true } });
    expect(new Set(on.findings.map((f) => f.path))).toEqual(new Set(Object.keys(files)));
    expect(on.findings.every((f) => f.tags.includes("author-credit"))).toBe(true);
    expect(on.impact.persons).toBe(0);
  });

  it("does not take role, project and machine addresses for persons", () => {
    const host = `${lower(8)}.co.jp`;
    const r = scan({
      "CODE_OF_CONDUCT.md": `Report unacceptable behaviour to ${personalMail()}.\n`,
      "SECURITY.md": `Send reports to ${personalMail()}\n`,
      "docs/contact.md": `メール: info@${host}\nお問い合わせ: support@${host}\n配信: noreply@${host}\nML: dl_sales@${host}\n`,
      "deploy.sh": `git clone git@github.com:${lower(6)}/${lower(6)}.git\nscp build.tgz ${lower(5)}@${lower(6)}.example.net:/srv/app\n`,
      "config/remote.txt": `url = ssh://${lower(6)}@${host}/srv/repo.git\n`,
      "spec/fixtures/mail.eml": `From: ${faker.person.lastName()} <${personalMail()}>\nMessage-ID: <${faker.string.hexadecimal({ length: 16, prefix: "" })}@mx.${host}>\nIn-Reply-To: <${faker.string.numeric(12)}@mail.${host}>\n`,
      "test/email.test.ts": `expect(isEmail("${lower(3)}@${lower(4)}.tmail")).toBe(false);\nexpect(parse("${lower(3)}@e.co")).toBe(true);\n`,
    });
    const lines = r.findings.map((f) => `${f.path}:${f.line}`);
    expect(lines).toEqual(["spec/fixtures/mail.eml:1"]);
  });

  it("does not read place names, catalog entries or placeholders as people's names", () => {
    const catalog = Array.from({ length: 20 }, (_, i) =>
      `  "${String(i).padStart(3, "0")}": {\n    "code": "${String(i).padStart(3, "0")}",\n    "name": "${faker.person.lastName()}",\n    "kana": "${faker.person.lastName()}",\n    "roma": "${lower(6)}"\n  }`,
    );
    const r = scan({
      "lib/branches.js": `module.exports = {\n${catalog.join(",\n")}\n};\n`,
      "data/towns.json": JSON.stringify(Array.from({ length: 10 }, () => ({ 都道府県名カナ: "トウキョウト", 市区町村名カナ: "シンジュクク", town: `${faker.person.lastName()}町` })), null, 2),
      "e2e/input.txt": `京都府京都市上京区寺町通石薬師下る西側染殿町${faker.number.int({ min: 100, max: 999 })}\n`,
    });
    expect(r.findings.filter((f) => f.category === "pii")).toEqual([]);
  });

  it("counts a person once across a seed file and the test that repeats it", () => {
    const people = Array.from({ length: 5 }, () => [fullName(), personalMail()]);
    const csv = ["氏名,メールアドレス", ...people.map((p) => p.join(","))].join("\n");
    const r = scan({ "db/seeds/users.csv": csv, "test/fixtures/users.csv": csv });
    expect(r.impact.files.map((f) => f.persons)).toEqual([5, 5]);
    expect(r.impact.persons).toBe(5);
    expect(r.impact.acrossFiles).toBe(5);
  });

  it("reports nothing for a facility list (名称, 名称_カナ, address, phone), still a person for a customer list", () => {
    const kinds = ["コウミンカン", "ショウガッコウ", "タイイクカン"];
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${faker.person.lastName()}公民館,${faker.helpers.arrayElement(["アオバ", "ミナト", "サクラ"])}${kinds[i % 3]},${address()},03-${faker.string.numeric(4)}-${faker.string.numeric(4)}`);
    const facilities = scan({ "data/shelters.csv": ["ID,名称,名称_カナ,住所,電話番号", ...rows].join("\n") });
    expect(facilities.findings.filter((f) => f.category === "pii")).toEqual([]);
    expect(facilities.impact.persons).toBe(0);
    expect(facilities.impact.appi.reportRequired).toBe(false);
    const people = Array.from({ length: 3 }, (_, i) => `${i},${fullName()},${address()},${mobile()}`);
    const customers = scan({ "data/customers.csv": ["ID,氏名,住所,電話番号", ...people].join("\n") });
    expect(customers.impact.persons).toBe(3);
  });

  it("reports nothing for KML placemarks of shops and wells", () => {
    const mark = () => `<Placemark><name>${faker.person.lastName()}SS / ${faker.person.lastName()}石油(株)</name><address>日本、〒100-0001 ${address()}</address></Placemark>`;
    const kml = `<?xml version="1.0"?><kml><Document>\n${Array.from({ length: 30 }, mark).join("\n")}\n</Document></kml>`;
    const r = scan({ "maps/stations.kml": kml });
    expect(r.findings.filter((f) => f.category === "pii")).toEqual([]);
    expect(r.impact.persons).toBe(0);
  });

  it("does not make the operator's address in a patient app's config a patient (config.json.sample)", () => {
    const config = `{\n  "AuthPatientUserPoolDomain": "rpm-patient",\n  "AdminUserEmail": "${personalMail()}"\n}\n`;
    const r = scan({ "config/stg.json.sample": config });
    expect(r.findings.filter((f) => f.kind === "email")).toHaveLength(1);
    expect(r.impact.appi.reportRequired).toBe(false);
    const patients = `{\n  "patients": [{"patientName": "${fullName()}", "email": "${personalMail()}"}]\n}\n`;
    expect(scan({ "config/patients.json.sample": patients }).impact.appi.triggers).toContain("sensitive");
  });

  it("reports nothing for the examples of an API description", () => {
    const api = `{\n  "openapi": "3.0.1",\n  "components": {"schemas": {"Employee": {"properties": {\n    "last_name": {"type": "string", "example": "${faker.person.lastName()}"},\n    "email": {"type": "string", "example": "${personalMail()}"},\n    "birth_date": {"type": "string", "example": "1990-04-0${faker.number.int({ min: 1, max: 9 })}"}\n  }}}}\n}\n`;
    const r = scan({ "api/schema.json": api });
    expect(r.findings.filter((f) => f.category === "pii")).toEqual([]);
    expect(r.impact.persons).toBe(0);
  });

  it("counts an XML export's repeated elements as records (one person per <customer>), a config's elements as none", () => {
    const n = faker.number.int({ min: 4, max: 9 });
    const rows = Array.from({ length: n }, (_, i) => `  <customer id="${i}">\n    <name>${fullName()}</name>\n    <tel>${mobile()}</tel>\n    <email>${personalMail()}</email>\n  </customer>`);
    const r = scan({ "export/customers.xml": `<?xml version="1.0"?>\n<customers>\n${rows.join("\n")}\n</customers>\n` });
    expect(r.impact.persons).toBe(n);
    expect(r.impact.files[0].basis).toMatchObject({ method: "records" });
    const config = `<configuration>\n  <appSettings>\n    <add key="Owner" value="${personalMail()}"/>\n  </appSettings>\n</configuration>\n`;
    expect(scan({ "web.config.xml": config }).impact.persons).toBe(1);
  });
});

