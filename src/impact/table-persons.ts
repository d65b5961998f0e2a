import type { ImpactFact } from "./assess-impact.js";
import { CODE_FILE, identityKeys, onlyOneNamePart, PERSON, type FilePersons, type PersonsBasis } from "./count-persons.js";
import type { RecordClass } from "./estimate-damages.js";

/**
 * What the impact stage needs of one table read in batches (a large export, a database table),
 * without one fact per cell: the exact persons count and its basis, the kinds and tags found,
 * the distinct My Numbers, the classes of records (for the damages model) and, for persons who
 * recur in other files, the table's identifying keys with the person (component) each belongs
 * to. Plain data and typed arrays: it crosses thread boundaries as it is.
 */
export interface TablePersons extends FilePersons {
  kinds: string[];
  /** Tags seen on its personal data (sensitive, financial, medical-context, my-number …). */
  tags: string[];
  /** Special-care data (sensitive tag or medical kind) outside a medical context. */
  specialCareValues: boolean;
  /** Distinct value hashes of My Numbers. */
  myNumbers: string[];
  /** Records per class of kinds (each record with personal data once; scaled to `persons` by the damages model). */
  classes: RecordClass[];
  /** Keys that join persons across files (not "name alone"), as 64-bit hashes sorted by (hi, lo), and the person of each. */
  keyHi: Uint32Array;
  keyLo: Uint32Array;
  keyPerson: Int32Array;
}

/**
 * Counts the persons of one table whose records arrive in batches (each record whole within a
 * batch), by the rules of `countPersons` for tables (identityKeys, PERSON, onlyOneNamePart), in
 * memory bounded by rows rather than by findings: a batch's facts are folded into the table's
 * state when the batch ends. Every identifying key of a person record (e-mail, My Number, card,
 * name + phone / birth date / address, name alone, …) is kept as a 64-bit hash in an
 * open-addressing table with a union-find parent: about 30 bytes per key, i.e. 30–200 bytes per
 * row with 1–6 keys; persons are the components (records sharing a key are one person). Exact
 * unless two different keys share a 64-bit hash (odds about n²/2⁶⁵: 3·10⁻⁸ for a million keys).
 */
export class TablePersonsCounter {
  private batch = new Map<number, ImpactFact[]>();
  private readonly loose = { kinds: new Set<string>(), sensitive: false };
  private hasRecords = false;
  private readonly classCounts = new Map<string, RecordClass>();
  private readonly kinds = new Set<string>();
  private readonly tags = new Set<string>();
  private specialCareValues = false;
  private readonly myNumbers = new Set<string>();
  private readonly fieldCount = new Map<string, number>();
  private records = 0;
  private personRecords = 0;
  private withoutPerson = 0;
  private readonly keys = new KeyTable();

  constructor(readonly path: string) {}

  /** One personal-data fact of the table (a cell; a finding outside any record stands alone, by its line). */
  add(f: ImpactFact): void {
    if (f.category !== "pii" || f.tags.includes("author-credit")) return;
    this.kinds.add(f.kind);
    for (const t of f.tags) this.tags.add(t);
    if ((f.tags.includes("sensitive") || f.kind === "medical") && !f.tags.includes("medical-context")) this.specialCareValues = true;
    if (f.kind === "my-number" || f.tags.includes("my-number")) this.myNumbers.add(f.valueHash);
    if (f.record === undefined) {
      this.loose.kinds.add(f.kind);
      if (f.tags.includes("sensitive")) this.loose.sensitive = true;
    } else this.hasRecords = true;
    const r = f.record ?? -1 - (f.line ?? 0);
    let l = this.batch.get(r);
    if (!l) this.batch.set(r, (l = []));
    l.push(f);
  }

  /** Folds the records of the batch (all complete) into the table's state. */
  endBatch(): void {
    for (const [record, facts] of this.batch) {
      this.records++;
      if (record >= 0) {
        const kinds = new Set<string>();
        let sensitive = false;
        for (const f of facts) {
          kinds.add(f.kind);
          if (f.tags.includes("sensitive")) sensitive = true;
        }
        const sorted = [...kinds].sort();
        const key = `${sensitive ? "s" : ""}|${sorted.join(",")}`;
        const c = this.classCounts.get(key);
        if (c) c.persons++;
        else this.classCounts.set(key, { kinds: sorted, persons: 1, sensitive });
      }
      const personFacts = facts.filter((f) => PERSON.has(f.kind));
      if (personFacts.length === 0 || (CODE_FILE.test(this.path) && onlyOneNamePart(facts, personFacts))) {
        this.withoutPerson++;
        continue;
      }
      this.personRecords++;
      for (const f of personFacts) {
        const label = f.key ?? f.kind;
        this.fieldCount.set(label, (this.fieldCount.get(label) ?? 0) + 1);
      }
      let first = -1;
      for (const k of identityKeys(facts)) {
        const i = this.keys.index(k, !k.startsWith("name-only"));
        if (first < 0) first = i;
        else this.keys.union(first, i);
      }
    }
    this.batch = new Map();
  }

  /** The table's counts (call once, after the last batch). */
  finish(): TablePersons {
    this.endBatch();
    const persons = this.keys.components();
    const basis: PersonsBasis = {
      method: "records",
      fields: [...this.fieldCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6).map(([k]) => k),
      records: this.records,
      repeated: this.personRecords - persons,
      withoutPerson: this.withoutPerson,
    };
    // Findings outside any record describe the whole table: their kinds join every record's class.
    const classes = new Map<string, RecordClass>();
    const add = (kinds: Set<string> | string[], sensitive: boolean, n: number) => {
      const sorted = [...new Set([...kinds, ...this.loose.kinds])].sort();
      const s = sensitive || this.loose.sensitive;
      const key = `${s ? "s" : ""}|${sorted.join(",")}`;
      const c = classes.get(key);
      if (c) c.persons += n;
      else classes.set(key, { kinds: sorted, persons: n, sensitive: s });
    };
    if (this.hasRecords) for (const c of this.classCounts.values()) add(c.kinds, c.sensitive === true, c.persons);
    else add([], false, persons);
    return {
      path: this.path,
      persons,
      basis,
      kinds: [...this.kinds],
      tags: [...this.tags],
      specialCareValues: this.specialCareValues,
      myNumbers: [...this.myNumbers],
      classes: [...classes.values()],
      ...this.keys.globalKeys(),
    };
  }
}

/** Index of a 64-bit hash in a sorted (hi, lo) key list, or -1. */
export function findKey(t: Pick<TablePersons, "keyHi" | "keyLo">, hi: number, lo: number): number {
  let a = 0;
  let b = t.keyHi.length - 1;
  while (a <= b) {
    const m = (a + b) >>> 1;
    const mh = t.keyHi[m]!;
    const ml = t.keyLo[m]!;
    if (mh === hi && ml === lo) return m;
    if (mh < hi || (mh === hi && ml < lo)) a = m + 1;
    else b = m - 1;
  }
  return -1;
}

/** Two independent 32-bit FNV-1a hashes of a string's UTF-16 code units: a 64-bit key. */
export function hashKey(s: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  return [h1 >>> 0, h2 >>> 0];
}

/** 64-bit hashed keys with a union-find over them, in typed arrays (open addressing). */
class KeyTable {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private parent = new Int32Array(1024);
  private global = new Uint8Array(1024);
  private slots = new Int32Array(2048).fill(-1);
  private n = 0;

  index(key: string, global: boolean): number {
    const [h, l] = hashKey(key);
    const mask = this.slots.length - 1;
    let s = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
    for (;;) {
      const i = this.slots[s]!;
      if (i < 0) break;
      if (this.hi[i] === h && this.lo[i] === l) {
        if (global) this.global[i] = 1;
        return i;
      }
      s = (s + 1) & mask;
    }
    const i = this.n++;
    if (i >= this.hi.length) this.growKeys();
    this.hi[i] = h;
    this.lo[i] = l;
    this.parent[i] = i;
    this.global[i] = global ? 1 : 0;
    this.slots[s] = i;
    if (this.n * 2 > this.slots.length) this.rehash();
    return i;
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }

  components(): number {
    let n = 0;
    for (let i = 0; i < this.n; i++) if (this.find(i) === i) n++;
    return n;
  }

  /** The global keys sorted by hash, each with its component root. */
  globalKeys(): { keyHi: Uint32Array; keyLo: Uint32Array; keyPerson: Int32Array } {
    const idx: number[] = [];
    for (let i = 0; i < this.n; i++) if (this.global[i]) idx.push(i);
    idx.sort((a, b) => this.hi[a]! - this.hi[b]! || this.lo[a]! - this.lo[b]!);
    const keyHi = new Uint32Array(idx.length);
    const keyLo = new Uint32Array(idx.length);
    const keyPerson = new Int32Array(idx.length);
    idx.forEach((i, k) => {
      keyHi[k] = this.hi[i]!;
      keyLo[k] = this.lo[i]!;
      keyPerson[k] = this.find(i);
    });
    return { keyHi, keyLo, keyPerson };
  }

  private growKeys(): void {
    const size = this.hi.length * 2;
    const grow = <T extends Uint32Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.hi = grow(this.hi, (n) => new Uint32Array(n));
    this.lo = grow(this.lo, (n) => new Uint32Array(n));
    this.parent = grow(this.parent, (n) => new Int32Array(n));
    this.global = grow(this.global, (n) => new Uint8Array(n));
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let i = 0; i < this.n; i++) {
      let s = (this.hi[i]! ^ Math.imul(this.lo[i]!, 0x9e3779b1)) & mask;
      while (slots[s]! >= 0) s = (s + 1) & mask;
      slots[s] = i;
    }
    this.slots = slots;
  }
}
