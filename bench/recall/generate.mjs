// Generates a recall corpus of fictional persons with @faker-js/faker (ja): prose, vCard,
// iCalendar, FHIR (JSON and XML), an XML export, HAR, an access log with URL-encoded query
// strings and e-mails, each with the lines where every personal field sits (the truth), plus
// negatives that hold no person (company cards, a FHIR Organization, noreply mail, a query
// string without personal fields). Everything is generated: nothing here is a real person.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Faker, ja, base } from "@faker-js/faker";

const HIRA_TO_KATA = (s) => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const KANA = /^[ぁ-んァ-ヶー]+$/;

/** A fictional person from faker's Japanese locale. */
function person(f) {
  const sei = f.person.lastName();
  const mei = f.person.firstName();
  // faker has no readings: a reading is made of kana given names of the same locale (not the real
  // reading of the kanji, which a scanner cannot check anyway).
  const kanaNames = f.definitions.person.first_name.female.concat(f.definitions.person.first_name.male).filter((n) => KANA.test(n));
  const seiKana = HIRA_TO_KATA(f.helpers.arrayElement(kanaNames) + f.helpers.arrayElement(["タ", "ノ", "ダ", "カワ", "モト"]));
  const meiKana = HIRA_TO_KATA(f.helpers.arrayElement(kanaNames));
  const state = f.location.state();
  const city = f.location.city();
  const street = f.location.street();
  const room = f.location.secondaryAddress();
  const zip = f.location.zipCode();
  const mobile = f.helpers.replaceSymbols(f.helpers.arrayElement(["090-####-####", "080-####-####", "070-####-####"])).replace(/-(\d)/, (m, d) => `-${d === "0" ? "5" : d}`);
  // a landline of a real numbering area: 0 + area code (no 0, and not a mobile/IP prefix) + 4 digits
  const landline = f.helpers.replaceSymbols(f.helpers.arrayElement(["03-####-####", "06-####-####", "04#-###-####", "01##-##-####", "025-###-####"])).replace(/-0/, "-5");
  const phone = f.datatype.boolean() ? mobile : landline;
  const user = f.internet.username({ firstName: f.string.alpha({ length: 5, casing: "lower" }), lastName: f.string.alpha({ length: 6, casing: "lower" }) }).toLowerCase().replace(/[^a-z0-9._]/g, "");
  const email = `${user}${f.number.int({ min: 1, max: 99 })}@${f.helpers.arrayElement(f.definitions.internet.free_email)}`;
  const birth = f.date.birthdate({ mode: "age", min: 20, max: 80 });
  const y = birth.getUTCFullYear();
  const m = birth.getUTCMonth() + 1;
  const d = birth.getUTCDate();
  return { sei, mei, seiKana, meiKana, state, city, street, room, zip, phone, mobile, email, y, m, d, gender: f.helpers.arrayElement(["male", "female"]) };
}

const pad = (n) => String(n).padStart(2, "0");
const iso = (p) => `${p.y}-${pad(p.m)}-${pad(p.d)}`;
function wareki(p, short) {
  const eras = [["令和", "R", 2019], ["平成", "H", 1989], ["昭和", "S", 1926]];
  const [name, letter, start] = eras.find(([, , s]) => p.y >= s) ?? eras[2];
  const n = p.y - start + 1;
  return short ? `${letter}${n}.${p.m}.${p.d}` : `${name}${n === 1 ? "元" : n}年${p.m}月${p.d}日`;
}
const address = (p) => `${p.state}${p.city}${p.street}`;

/** Collects lines of one file and the truth: which line holds which kind. */
class Doc {
  constructor(path, format) {
    this.path = path;
    this.format = format;
    this.lines = [];
    this.truth = [];
    this.persons = 0;
  }
  add(line, kinds = []) {
    this.lines.push(line);
    for (const kind of kinds) this.truth.push({ path: this.path, line: this.lines.length, kind, format: this.format });
  }
  text() {
    return this.lines.join("\n") + "\n";
  }
}

// Prose sentences: each returns [text, kinds]. `p` is a person.
const SENTENCES = [
  (p) => [`住所は${address(p)}です。`, ["address"]],
  (p) => [`送付先は${address(p)}でお願いします。`, ["address"]],
  (p) => [`お届け先：${address(p)} ${p.room} ${p.sei} ${p.mei} 様`, ["address", "name"]],
  (p) => [`${p.sei}（${p.seiKana}）さんから問い合わせがありました。`, ["name"]],
  (p) => [`${p.sei} ${p.mei}（${p.seiKana} ${p.meiKana}）`, ["name", "name-kana"]],
  (p) => [`${p.room} ${p.sei} ${p.mei} 様`, ["name"]],
  (p) => [`担当：${p.sei} ${p.mei}`, ["name"]],
  (p) => [`生年月日は${p.y}年${p.m}月${p.d}日です。`, ["dob"]],
  (p) => [`${wareki(p, false)}生まれの${p.sei}さんです。`, ["dob", "name"]],
  (p) => [`生年月日 ${wareki(p, true)}`, ["dob"]],
  (p) => [`電話は${p.phone}までお願いします。`, ["phone"]],
  (p) => [`TEL:${p.phone}`, ["phone"]],
  (p) => [`連絡先メールは${p.email}です。`, ["email"]],
  (p) => [`${p.sei}様の携帯は${p.mobile}です。`, ["name", "phone"]],
];

function prose(f, n) {
  const doc = new Doc("prose/notes.txt", "prose");
  for (let i = 0; i < n; i++) {
    const p = person(f);
    const picks = f.helpers.arrayElements(SENTENCES, { min: 2, max: 4 });
    // one paragraph per person: every sentence about the same person, one per line
    for (const s of picks) {
      const [text, kinds] = s(p);
      doc.add(text, kinds);
    }
    doc.add("");
    doc.persons++;
  }
  return [doc];
}

function vcards(f, n) {
  const doc = new Doc("contacts/people.vcf", "vcard");
  for (let i = 0; i < n; i++) {
    const p = person(f);
    doc.add("BEGIN:VCARD");
    doc.add("VERSION:3.0");
    doc.add(`N:${p.sei};${p.mei};;;`, ["name"]);
    doc.add(`FN:${p.sei} ${p.mei}`, ["name"]);
    doc.add(`X-PHONETIC-LAST-NAME:${p.seiKana}`, ["name-kana"]);
    doc.add(`X-PHONETIC-FIRST-NAME:${p.meiKana}`, ["name-kana"]);
    doc.add(`TEL;TYPE=CELL:${p.mobile}`, ["phone"]);
    doc.add(`EMAIL;TYPE=INTERNET:${p.email}`, ["email"]);
    doc.add(`ADR;TYPE=HOME:;${p.room};${p.street};${p.city};${p.state};${p.zip};Japan`, ["address", "postal-code"]);
    doc.add(`BDAY:${iso(p)}`, ["dob"]);
    doc.add("END:VCARD");
    doc.persons++;
  }
  const neg = new Doc("contacts/companies.vcf", "vcard");
  for (let i = 0; i < Math.max(3, n / 10); i++) {
    const p = person(f);
    const org = f.company.name();
    neg.add("BEGIN:VCARD");
    neg.add("VERSION:3.0");
    neg.add(`FN:${org}`);
    neg.add(`ORG:${org}`);
    neg.add(`TEL;TYPE=WORK:${p.phone}`);
    neg.add(`ADR;TYPE=WORK:;;${p.street};${p.city};${p.state};${p.zip};Japan`);
    neg.add("X-ABShowAs:COMPANY");
    neg.add("END:VCARD");
  }
  return [doc, neg];
}

function icalendar(f, n) {
  const doc = new Doc("calendar/meetings.ics", "icalendar");
  doc.add("BEGIN:VCALENDAR");
  doc.add("VERSION:2.0");
  doc.add("PRODID:-//recall//generator//JA");
  const people = Array.from({ length: n }, () => person(f));
  for (let i = 0; i < n; i += 2) {
    doc.add("BEGIN:VEVENT");
    doc.add(`UID:${f.string.uuid()}`);
    doc.add(`DTSTART:20250${f.number.int({ min: 1, max: 9 })}1${f.number.int({ min: 0, max: 9 })}T100000Z`);
    doc.add("SUMMARY:打ち合わせ");
    const [a, b] = [people[i], people[i + 1] ?? people[0]];
    doc.add(`ORGANIZER;CN=${a.sei} ${a.mei}:mailto:${a.email}`, ["name", "email"]);
    doc.add(`ATTENDEE;CN=${b.sei} ${b.mei};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:${b.email}`, ["name", "email"]);
    doc.add("END:VEVENT");
  }
  doc.add("END:VCALENDAR");
  doc.persons = n;
  return [doc];
}

function fhirJson(f, n) {
  const doc = new Doc("fhir/patients.json", "fhir-json");
  doc.add("{");
  doc.add('  "resourceType": "Bundle",');
  doc.add('  "type": "collection",');
  doc.add('  "entry": [');
  for (let i = 0; i < n; i++) {
    const p = person(f);
    doc.add("    {");
    doc.add('      "resource": {');
    doc.add('        "resourceType": "Patient",');
    doc.add(`        "id": "p${i}",`);
    doc.add('        "name": [');
    doc.add(`          { "use": "official", "family": "${p.sei}", "given": ["${p.mei}"] },`, ["name"]);
    doc.add(`          { "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", "valueCode": "SYL" }], "family": "${p.seiKana}", "given": ["${p.meiKana}"] }`, ["name-kana"]);
    doc.add("        ],");
    doc.add('        "telecom": [');
    doc.add(`          { "system": "phone", "value": "${p.phone}", "use": "home" },`, ["phone"]);
    doc.add(`          { "system": "email", "value": "${p.email}" }`, ["email"]);
    doc.add("        ],");
    doc.add(`        "gender": "${p.gender}",`);
    doc.add(`        "birthDate": "${iso(p)}",`, ["dob"]);
    doc.add('        "address": [');
    doc.add(`          { "use": "home", "postalCode": "${p.zip}", "state": "${p.state}", "city": "${p.city}", "line": ["${p.street}"], "text": "${address(p)}" }`, ["postal-code", "address"]);
    doc.add("        ]");
    doc.add("      }");
    doc.add(i === n - 1 ? "    }" : "    },");
    doc.persons++;
  }
  doc.add("  ]");
  doc.add("}");
  const org = new Doc("fhir/organization.json", "fhir-json");
  const p = person(f);
  for (const line of [
    "{",
    '  "resourceType": "Organization",',
    '  "id": "org1",',
    `  "name": "${f.company.name()}",`,
    `  "telecom": [{ "system": "phone", "value": "${p.phone}" }],`,
    `  "address": [{ "postalCode": "${p.zip}", "state": "${p.state}", "city": "${p.city}", "line": ["${p.street}"], "text": "${address(p)}" }]`,
    "}",
  ])
    org.add(line);
  return [doc, org];
}

function fhirXml(f, n) {
  const doc = new Doc("fhir/patients.xml", "fhir-xml");
  doc.add('<Bundle xmlns="http://hl7.org/fhir">');
  doc.add('  <type value="collection"/>');
  for (let i = 0; i < n; i++) {
    const p = person(f);
    doc.add("  <entry><resource><Patient>");
    doc.add(`    <id value="p${i}"/>`);
    doc.add(`    <name><use value="official"/><family value="${p.sei}"/><given value="${p.mei}"/></name>`, ["name"]);
    doc.add(`    <telecom><system value="phone"/><value value="${p.phone}"/></telecom>`, ["phone"]);
    doc.add(`    <telecom><system value="email"/><value value="${p.email}"/></telecom>`, ["email"]);
    doc.add(`    <birthDate value="${iso(p)}"/>`, ["dob"]);
    doc.add(`    <address><postalCode value="${p.zip}"/><state value="${p.state}"/><city value="${p.city}"/><line value="${p.street}"/></address>`, ["postal-code", "address"]);
    doc.add("  </Patient></resource></entry>");
    doc.persons++;
  }
  doc.add("</Bundle>");
  return [doc];
}

function xmlExport(f, n) {
  const doc = new Doc("export/customers.xml", "xml-export");
  doc.add('<?xml version="1.0" encoding="UTF-8"?>');
  doc.add("<customers>");
  for (let i = 0; i < n; i++) {
    const p = person(f);
    doc.add(`  <customer id="${i + 1}">`);
    doc.add(`    <name>${p.sei} ${p.mei}</name>`, ["name"]);
    doc.add(`    <kana>${p.seiKana} ${p.meiKana}</kana>`, ["name-kana"]);
    doc.add(`    <birthday>${iso(p)}</birthday>`, ["dob"]);
    doc.add(`    <zip>${p.zip}</zip>`, ["postal-code"]);
    doc.add(`    <address>${address(p)}</address>`, ["address"]);
    doc.add(`    <tel>${p.phone}</tel>`, ["phone"]);
    doc.add(`    <email>${p.email}</email>`, ["email"]);
    doc.add("  </customer>");
    doc.persons++;
  }
  doc.add("</customers>");
  return [doc];
}

const enc = (s) => encodeURIComponent(s);

function har(f, n) {
  const doc = new Doc("har/session.har", "har");
  doc.add("{");
  doc.add('  "log": {');
  doc.add('    "version": "1.2",');
  doc.add('    "creator": { "name": "browser", "version": "1.0" },');
  doc.add('    "entries": [');
  for (let i = 0; i < n; i++) {
    const p = person(f);
    doc.add("      {");
    doc.add('        "request": {');
    doc.add('          "method": "POST",');
    doc.add(`          "url": "https://shop.example.com/api/signup?name=${enc(`${p.sei} ${p.mei}`)}&tel=${p.phone}",`, ["name", "phone"]);
    doc.add('          "queryString": [');
    doc.add(`            { "name": "name", "value": "${p.sei} ${p.mei}" },`, ["name"]);
    doc.add(`            { "name": "tel", "value": "${p.phone}" }`, ["phone"]);
    doc.add("          ],");
    doc.add(`          "postData": { "mimeType": "application/x-www-form-urlencoded", "text": "email=${enc(p.email)}&address=${enc(address(p))}&birthday=${iso(p)}" }`, ["email", "address", "dob"]);
    doc.add("        },");
    doc.add('        "response": {');
    doc.add('          "status": 200,');
    doc.add(`          "content": { "mimeType": "application/json", "text": "{\\"customer\\":{\\"name\\":\\"${p.sei} ${p.mei}\\",\\"email\\":\\"${p.email}\\"}}" }`, ["name", "email"]);
    doc.add("        }");
    doc.add(i === n - 1 ? "      }" : "      },");
    doc.persons++;
  }
  doc.add("    ]");
  doc.add("  }");
  doc.add("}");
  return [doc];
}

function accessLog(f, n) {
  const doc = new Doc("logs/access.log", "access-log");
  const neg = new Doc("logs/search.log", "access-log");
  for (let i = 0; i < n; i++) {
    const p = person(f);
    const ip = f.internet.ipv4();
    const when = `[${pad(f.number.int({ min: 1, max: 28 }))}/Mar/2025:10:${pad(i % 60)}:00 +0900]`;
    const q = `name=${enc(`${p.sei} ${p.mei}`)}&tel=${enc(p.phone)}&email=${enc(p.email)}&zip=${p.zip}&addr=${enc(address(p))}`;
    doc.add(`${ip} - - ${when} "GET /entry/confirm?${q} HTTP/1.1" 200 512 "-" "Mozilla/5.0"`, ["name", "phone", "email", "postal-code", "address"]);
    doc.persons++;
    neg.add(`${ip} - - ${when} "GET /search?q=${enc(f.helpers.arrayElement(f.definitions.food.fruit))}&page=${i % 5}&sort=price HTTP/1.1" 200 2048 "-" "Mozilla/5.0"`);
  }
  return [doc, neg];
}

function encodedWord(s) {
  return `=?UTF-8?B?${Buffer.from(s, "utf8").toString("base64")}?=`;
}

function mails(f, n) {
  const docs = [];
  const mbox = new Doc("mail/inbox.mbox", "email");
  for (let i = 0; i < n; i++) {
    const from = person(f);
    const to = person(f);
    const plain = i % 2 === 0;
    const fromName = `${from.sei} ${from.mei}`;
    const toName = `${to.sei} ${to.mei}`;
    if (i < n / 2) {
      const doc = new Doc(`mail/message-${i}.eml`, "email");
      doc.add(`From: ${plain ? fromName : encodedWord(fromName)} <${from.email}>`, ["name", "email"]);
      doc.add(`To: ${plain ? `"${toName}"` : encodedWord(toName)} <${to.email}>`, ["name", "email"]);
      doc.add(`Subject: ${encodedWord("ご注文の確認")}`);
      doc.add(`Date: Mon, 3 Mar 2025 10:${pad(i % 60)}:00 +0900`);
      doc.add("MIME-Version: 1.0");
      doc.add('Content-Type: text/plain; charset="UTF-8"');
      doc.add("Content-Transfer-Encoding: 8bit");
      doc.add("");
      doc.add(`${to.sei}様`, ["name"]);
      doc.add("ご注文ありがとうございます。");
      doc.persons = 2;
      docs.push(doc);
    } else {
      mbox.add(`From ${from.email} Mon Mar  3 10:00:00 2025`, ["email"]);
      mbox.add(`From: ${plain ? fromName : encodedWord(fromName)} <${from.email}>`, ["name", "email"]);
      mbox.add(`To: ${plain ? toName : encodedWord(toName)} <${to.email}>`, ["name", "email"]);
      mbox.add(`Subject: ${encodedWord("お問い合わせ")}`);
      mbox.add("Content-Type: text/plain; charset=UTF-8");
      mbox.add("");
      mbox.add("よろしくお願いします。");
      mbox.add("");
      mbox.persons += 2;
    }
  }
  docs.push(mbox);
  const neg = new Doc("mail/notification.eml", "email");
  for (const line of [
    `From: ${encodedWord(f.company.name())} <noreply@${f.string.alpha({ length: 8, casing: "lower" })}.co.jp>`,
    `To: support@${f.string.alpha({ length: 8, casing: "lower" })}.co.jp`,
    `Subject: ${encodedWord("システム通知")}`,
    "Content-Type: text/plain; charset=UTF-8",
    "",
    "ビルドが完了しました。",
  ])
    neg.add(line);
  docs.push(neg);
  return docs;
}

export const FORMATS = { prose, vcards, icalendar, fhirJson, fhirXml, xmlExport, har, accessLog, mails };

/**
 * Writes the corpus into `dir` (n persons per format, seeded) and returns
 * { files: [{path, format, persons, negative}], truth: [{path, line, kind, format}] }.
 */
export function generate(dir, { n = 50, seed = 1, only } = {}) {
  const f = new Faker({ locale: [ja, base] });
  f.seed(seed);
  const files = [];
  const truth = [];
  for (const [name, make] of Object.entries(FORMATS)) {
    if (only && !only.includes(name)) continue;
    for (const doc of make(f, n)) {
      mkdirSync(join(dir, doc.path, ".."), { recursive: true });
      writeFileSync(join(dir, doc.path), doc.text());
      files.push({ path: doc.path, format: doc.format, persons: doc.persons, negative: doc.truth.length === 0 });
      truth.push(...doc.truth);
    }
  }
  return { files, truth };
}
