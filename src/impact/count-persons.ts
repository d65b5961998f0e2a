import type { ImpactFact } from "./assess-impact.js";

/** Kinds that tell one person from another (a date of birth or a postal code alone does not). */
const IDENTIFYING = new Set([
  "name", "name-kana", "email", "phone", "address", "my-number", "passport", "drivers-license", "residence-card",
  "credit-card", "bank-account", "pension-number", "health-insurance",
]);
/** Kinds whose value identifies the same person across files. */
const JOINING = new Set(["my-number", "email", "phone"]);

export interface PersonsCount {
  total: number;
  files: { path: string; persons: number }[];
}

/**
 * Counts the persons exposed by personal-data findings.
 * - In a table (a unit listed in `tableRecords`: CSV/TSV, SQL rows, JSON arrays, NDJSON, sheets),
 *   each distinct record (row) holding personal data is one person.
 * - Elsewhere, the persons in a file are the largest number of distinct values of one identifying
 *   kind (8 names with 8 phones and 8 e-mails are 8 persons, not 24).
 * - In total, a person whose My Number, e-mail or phone recurs in several files counts once:
 *   records and (outside tables) lines are joined by those values, and a group of entries spanning
 *   k files is subtracted k − 1 times from the sum over files.
 */
export function countPersons(findings: readonly ImpactFact[], tableRecords: ReadonlyMap<string, number> = new Map()): PersonsCount {
  const byFile = new Map<string, ImpactFact[]>();
  for (const f of findings) {
    if (f.category !== "pii") continue;
    const file = unitOf(f.path, tableRecords);
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push(f);
  }

  const files: { path: string; persons: number }[] = [];
  // Entities to join across files: "file\u0000record:N" or "file\u0000line:N".
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const entityFile = new Map<string, string>();

  for (const [file, list] of byFile) {
    const table = tableRecords.has(file) || list.some((f) => (f.record ?? 0) > 0);
    let persons: number;
    if (table) {
      const records = new Set<number>();
      for (const f of list) if (f.record !== undefined) records.add(f.record);
      persons = records.size > 0 ? records.size : distinctMax(list);
    } else {
      persons = distinctMax(list);
    }
    files.push({ path: file, persons });
    for (const f of list) {
      if (!JOINING.has(f.kind)) continue;
      const entity = table && f.record !== undefined ? `${file}\u0000record:${f.record}` : `${file}\u0000line:${f.line ?? 0}`;
      entityFile.set(entity, file);
      union(entity, `value\u0000${f.kind}\u0000${f.valueHash}`);
    }
  }

  const filesOfGroup = new Map<string, Set<string>>();
  for (const [entity, file] of entityFile) {
    const root = find(entity);
    let set = filesOfGroup.get(root);
    if (!set) filesOfGroup.set(root, (set = new Set()));
    set.add(file);
  }
  let duplicates = 0;
  for (const set of filesOfGroup.values()) duplicates += set.size - 1;
  const sum = files.reduce((s, f) => s + f.persons, 0);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { total: Math.max(0, sum - duplicates), files };
}

/** Largest number of distinct values of one identifying kind in a list of findings. */
function distinctMax(list: readonly ImpactFact[]): number {
  const byKind = new Map<string, Set<string>>();
  for (const f of list) {
    if (!IDENTIFYING.has(f.kind)) continue;
    let set = byKind.get(f.kind);
    if (!set) byKind.set(f.kind, (set = new Set()));
    set.add(f.valueHash);
  }
  let max = 0;
  for (const set of byKind.values()) max = Math.max(max, set.size);
  // Personal data of only non-identifying kinds (a date of birth, a diagnosis) is still one person.
  return max === 0 && list.length > 0 ? 1 : max;
}

/**
 * The unit a finding belongs to: the longest table unit path that the finding's path equals or
 * extends with "!" (a cell suffix such as "Sheet1!C12"), else the finding's own path.
 */
function unitOf(path: string, tableRecords: ReadonlyMap<string, number>): string {
  if (tableRecords.has(path)) return path;
  let cut = path.lastIndexOf("!");
  while (cut > 0) {
    const head = path.slice(0, cut);
    if (tableRecords.has(head)) return head;
    cut = path.lastIndexOf("!", cut - 1);
  }
  return path;
}
