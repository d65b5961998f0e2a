import type { ImpactFact } from "./assess-impact.js";
import { unitOf } from "./unit-of.js";
import { findKey, hashKey, type TablePersons } from "./table-persons.js";

/**
 * Kinds that identify a living individual; a record (row, object, line) is a person only with one
 * of them. Addresses, postal codes and phone numbers alone locate a place or a business; a date of
 * birth or a diagnosis alone tells nobody apart.
 */
export const PERSON = new Set([
  "name", "name-kana", "email", "my-number", "passport", "drivers-license", "residence-card", "pension-number",
  "health-insurance", "credit-card", "bank-account",
]);
/** Identifiers that are one person wherever they recur (in a file and across files). */
const STRONG = new Set(["email", "my-number", "passport", "drivers-license", "residence-card", "pension-number", "health-insurance", "credit-card", "bank-account"]);
/** Values that, with the same name, make two records the same person. */
const WITH_NAME = ["phone", "dob", "address"];
const NAME = new Set(["name", "name-kana"]);
/** Keys of one part of a name: a family name alone or a given name alone tells nobody apart. */
const FAMILY_KEY = /^(?:last|family|sur)[ _-]?name|^lastname|^surname|^sei(?:[ _-]|$)|^姓|^氏(?!名)|^苗字|^名字/i;
/**
 * Source files whose records are literals in code (`build(:user, last_name: …)`): there a record
 * with one name part is a validation test's input. In data files (tables, JSON, YAML fixtures) a
 * record with one part found is a stored person whose other part was not recognised.
 */
export const CODE_FILE = /\.(?:rb|rake|py|php|[cm]?[jt]sx?|ex|exs|graphql|gql)$/i;
const GIVEN_KEY = /^(?:first|given|fore)[ _-]?name|^firstname|^forename|^mei(?:[ _-]|$)|^名(?!前|称)/i;

/** How a file's persons were counted, for a reviewer to check. */
export interface PersonsBasis {
  /**
   * "records": a table, JSON array or record-keyed file — each record with a person identifier is
   * one person, repeats merged; "values": text — the largest number of distinct identifying
   * values of one kind (8 names with 8 phones are 8 persons).
   */
  method: "records" | "values";
  /** Columns / keys (records) or kinds (values) that made a record a person, most frequent first. */
  fields: string[];
  /** Records (or values) holding personal data. */
  records: number;
  /** Records that repeat a person already counted (same e-mail or identifier, same name + phone / birth date / address, same name alone). */
  repeated: number;
  /** Records with personal data but nobody identified (an address, a phone or a postal code alone): 0 persons. */
  withoutPerson: number;
}

export interface FilePersons {
  path: string;
  persons: number;
  basis: PersonsBasis;
}

export interface PersonsCount {
  total: number;
  files: FilePersons[];
  /** Persons counted in several files by the same identifying values, subtracted from the sum. */
  acrossFiles: number;
}

/**
 * Counts the persons exposed by personal-data findings.
 * - A record (table row, JSON object, INSERT tuple; outside tables a line) is a person only when a
 *   value in it identifies one (PERSON kinds). Author credits are not counted.
 * - In a table, records that repeat the same identifying values count once: the same e-mail or
 *   identifier (My Number, passport, …), the same name with the same phone, birth date or address,
 *   or the same name with nothing else.
 * - Outside tables, the persons in a file are the largest number of distinct values of one person
 *   kind (8 names with 8 phones and 8 e-mails are 8 persons, not 24).
 * - In total, a person whose identifying values recur in several files counts once.
 */
export function countPersons(findings: readonly ImpactFact[], tableRecords: ReadonlyMap<string, number> = new Map(), tables: readonly TablePersons[] = []): PersonsCount {
  const byFile = new Map<string, ImpactFact[]>();
  for (const f of findings) {
    if (f.category !== "pii" || f.tags.includes("author-credit")) continue;
    const file = unitOf(f.path, tableRecords);
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(f);
  }

  const files: FilePersons[] = [];
  const uf = new UnionFind();
  const entityFile = new Map<string, string>();
  for (const [file, list] of byFile) {
    const table = tableRecords.has(file) || list.some((f) => f.record !== undefined);
    const counted = table ? countRecords(file, list, uf, entityFile) : countValues(file, list, uf, entityFile);
    files.push({ path: file, persons: counted.persons, basis: counted.basis });
  }

  // Tables read in batches were counted as they were read (TablePersonsCounter, same rules); their
  // keys join persons of other files (and of each other) through the keys' 64-bit hashes.
  if (tables.length > 0) joinTables(tables, files, uf, entityFile);

  const filesOfGroup = new Map<string, Set<string>>();
  for (const [entity, file] of entityFile) {
    const root = uf.find(entity);
    let set = filesOfGroup.get(root);
    if (!set) filesOfGroup.set(root, (set = new Set()));
    set.add(file);
  }
  let acrossFiles = 0;
  for (const set of filesOfGroup.values()) acrossFiles += set.size - 1;
  const sum = files.reduce((s, f) => s + f.persons, 0);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const total = Math.max(0, sum - acrossFiles);
  return { total, files, acrossFiles: sum - total };
}

function joinTables(tables: readonly TablePersons[], files: FilePersons[], uf: UnionFind, entityFile: Map<string, string>): void {
  const keys = [...uf.nodes()].filter((n) => n.startsWith("value\u0000") || n.startsWith("name+"));
  tables.forEach((t, ti) => {
    files.push({ path: t.path, persons: t.persons, basis: t.basis });
    const entity = (k: number) => {
      const id = `${t.path}\u0000person:${t.keyPerson[k]}`;
      entityFile.set(id, t.path);
      return id;
    };
    for (const key of keys) {
      const [hi, lo] = hashKey(key);
      const k = findKey(t, hi, lo);
      if (k >= 0) uf.union(entity(k), key);
    }
    for (const other of tables.slice(ti + 1)) {
      for (let k = 0; k < t.keyHi.length; k++) {
        const j = findKey(other, t.keyHi[k]!, t.keyLo[k]!);
        if (j < 0) continue;
        const id = `${other.path}\u0000person:${other.keyPerson[j]}`;
        entityFile.set(id, other.path);
        uf.union(entity(k), id);
      }
    }
  });
}

/** Records of a table: persons are records with a person identifier, repeats merged. */
function countRecords(file: string, list: readonly ImpactFact[], uf: UnionFind, entityFile: Map<string, string>) {
  const byRecord = new Map<number, ImpactFact[]>();
  for (const f of list) {
    const r = f.record ?? -1 - (f.line ?? 0); // a finding outside any record stands alone (its line)
    let l = byRecord.get(r);
    if (!l) byRecord.set(r, (l = []));
    l.push(f);
  }
  const local = new UnionFind();
  const fieldCount = new Map<string, number>();
  let withoutPerson = 0;
  const personRecords: string[] = [];
  for (const [r, facts] of byRecord) {
    const personFacts = facts.filter((f) => PERSON.has(f.kind));
    if (personFacts.length === 0 || (CODE_FILE.test(file) && onlyOneNamePart(facts, personFacts))) {
      withoutPerson++;
      continue;
    }
    const id = `${file}\u0000record:${r}`;
    personRecords.push(id);
    local.add(id);
    for (const f of personFacts) {
      const label = f.key ?? f.kind;
      fieldCount.set(label, (fieldCount.get(label) ?? 0) + 1);
    }
    for (const key of identityKeys(facts)) {
      local.union(id, key);
      if (!key.startsWith("name-only")) {
        uf.union(id, key);
        entityFile.set(id, file);
      }
    }
  }
  const people = new Set(personRecords.map((id) => local.find(id)));
  return {
    persons: people.size,
    basis: {
      method: "records" as const,
      fields: topFields(fieldCount),
      records: byRecord.size,
      repeated: personRecords.length - people.size,
      withoutPerson,
    },
  };
}

/**
 * A record in code whose only personal data is one part of a name — a family name alone (and
 * maybe its reading) or a given name alone, with no contact, birth date or other identifier —
 * identifies nobody: a validation test that builds a user with `last_name: '…'` only.
 */
export function onlyOneNamePart(facts: readonly ImpactFact[], personFacts: readonly ImpactFact[]): boolean {
  if (facts.some((f) => WITH_NAME.includes(f.kind))) return false;
  let family = false;
  let given = false;
  for (const f of personFacts) {
    if (!NAME.has(f.kind) || f.key === undefined) return false;
    const key = f.key.trim();
    if (FAMILY_KEY.test(key)) family = true;
    else if (GIVEN_KEY.test(key)) given = true;
    else return false;
  }
  return family !== given;
}

/** Keys under which two records are the same person. */
export function identityKeys(facts: readonly ImpactFact[]): string[] {
  const keys: string[] = [];
  const names: string[] = [];
  const others = new Map<string, string[]>();
  for (const f of facts) {
    if (STRONG.has(f.kind)) keys.push(`value\u0000${f.kind}\u0000${f.valueHash}`);
    else if (NAME.has(f.kind)) names.push(`${f.kind}:${f.valueHash}`);
    else if (WITH_NAME.includes(f.kind)) {
      let l = others.get(f.kind);
      if (!l) others.set(f.kind, (l = []));
      l.push(f.valueHash);
    }
  }
  if (names.length > 0) {
    // A name split over family/given (or name + reading) fields is one name.
    const name = [...new Set(names)].sort().join("+");
    for (const [kind, hashes] of others) for (const h of new Set(hashes)) keys.push(`name+${kind}\u0000${name}\u0000${h}`);
    if (keys.length === 0) keys.push(`name-only\u0000${name}`);
  }
  return keys;
}

/** Text: the largest number of distinct values of one person kind. */
function countValues(file: string, list: readonly ImpactFact[], uf: UnionFind, entityFile: Map<string, string>) {
  const byKind = new Map<string, Set<string>>();
  let values = 0;
  let withoutPerson = 0;
  const personLines = new Set<number | null>();
  for (const f of list) if (PERSON.has(f.kind)) personLines.add(f.line);
  for (const f of list) {
    values++;
    if (!PERSON.has(f.kind)) {
      if (!personLines.has(f.line)) withoutPerson++;
      continue;
    }
    let set = byKind.get(f.kind);
    if (!set) byKind.set(f.kind, (set = new Set()));
    set.add(f.valueHash);
    if (STRONG.has(f.kind)) {
      const entity = `${file}\u0000line:${f.line ?? 0}`;
      entityFile.set(entity, file);
      uf.union(entity, `value\u0000${f.kind}\u0000${f.valueHash}`);
    }
  }
  let persons = 0;
  const ranked: [string, number][] = [];
  for (const [kind, set] of byKind) {
    persons = Math.max(persons, set.size);
    ranked.push([kind, set.size]);
  }
  const personValues = list.filter((f) => PERSON.has(f.kind)).length;
  // Two people of the same name with their own phones are two: contact values raise the count,
  // but never past the number of times a person is named (a company's 21 offices beside one
  // name are one person).
  const contact = new Map<string, Set<string>>();
  for (const f of list) {
    if (!WITH_NAME.includes(f.kind) || !personLines.has(f.line)) continue;
    let set = contact.get(f.kind);
    if (!set) contact.set(f.kind, (set = new Set()));
    set.add(f.valueHash);
  }
  for (const set of contact.values()) persons = Math.max(persons, Math.min(set.size, personValues));
  return {
    persons,
    basis: {
      method: "values" as const,
      fields: ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k),
      records: values,
      repeated: Math.max(0, personValues - [...byKind.values()].reduce((s, set) => s + set.size, 0)),
      withoutPerson,
    },
  };
}

function topFields(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6).map(([k]) => k);
}

class UnionFind {
  private parent = new Map<string, string>();
  nodes(): Iterable<string> {
    return this.parent.keys();
  }
  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  find(x: string): string {
    this.add(x);
    let root = x;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    while (this.parent.get(x) !== root) {
      const next = this.parent.get(x)!;
      this.parent.set(x, root);
      x = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}
