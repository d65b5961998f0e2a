import type { ImpactFact } from "./assess-impact.js";
import type { RecordClass } from "./estimate-damages.js";
import { unitOf } from "./unit-of.js";
import type { TablePersons } from "./table-persons.js";

/**
 * Groups the persons of a scan into classes by the kinds of data their records hold (name +
 * address; name + address + card number; …), for a cost that depends on what leaked.
 * - In a table, each record's kinds are its findings' kinds.
 * - Elsewhere a file is one class: every kind found in it, for the file's persons.
 * The classes of a file are scaled to the persons counted for it (`filePersons`), and all classes
 * to `total` (persons recurring in several files count once), by largest remainder.
 */
export function recordClasses(
  facts: readonly ImpactFact[],
  filePersons: readonly { path: string; persons: number }[],
  total: number,
  tableRecords: ReadonlyMap<string, number> = new Map(),
  tables: readonly TablePersons[] = [],
): RecordClass[] {
  const counted = new Map(tables.map((t) => [t.path, t]));
  const byFile = new Map<string, ImpactFact[]>();
  for (const f of facts) {
    if (f.category !== "pii") continue;
    const unit = unitOf(f.path, tableRecords);
    let list = byFile.get(unit);
    if (!list) byFile.set(unit, (list = []));
    list.push(f);
  }
  const classes = new Map<string, RecordClass>();
  for (const { path, persons } of filePersons) {
    const table = counted.get(path);
    if (table) {
      // a table read in batches: its records' classes were counted as it was read
      if (persons > 0) for (const c of scaleTo(table.classes.map((c) => ({ ...c, kinds: [...c.kinds] })), persons)) merge(classes, c);
      continue;
    }
    const list = byFile.get(path);
    if (!list || persons <= 0) continue;
    const counts = new Map<string, RecordClass>();
    const records = new Map<number, { kinds: Set<string>; sensitive: boolean }>();
    const loose = { kinds: new Set<string>(), sensitive: false };
    for (const f of list) {
      let slot = loose;
      if (f.record !== undefined) {
        slot = records.get(f.record) ?? { kinds: new Set(), sensitive: false };
        records.set(f.record, slot);
      }
      slot.kinds.add(f.kind);
      if (f.tags.includes("sensitive")) slot.sensitive = true;
    }
    const add = (slot: { kinds: Set<string>; sensitive: boolean }, n: number) => {
      const kinds = [...slot.kinds].sort();
      const key = `${slot.sensitive ? "s" : ""}|${kinds.join(",")}`;
      const c = counts.get(key) ?? { kinds, persons: 0, sensitive: slot.sensitive };
      c.persons += n;
      counts.set(key, c);
    };
    if (records.size > 0) {
      // Findings outside any record (a title line, a header note) describe the whole table.
      for (const slot of records.values()) {
        for (const k of loose.kinds) slot.kinds.add(k);
        add(slot, 1);
      }
    } else add(loose, persons);
    for (const c of scaleTo([...counts.values()], persons)) merge(classes, c);
  }
  const all = [...classes.values()];
  const sum = all.reduce((s, c) => s + c.persons, 0);
  return (total < sum ? scaleTo(all, total) : all).filter((c) => c.persons > 0);
}

function merge(into: Map<string, RecordClass>, c: RecordClass) {
  const key = `${c.sensitive ? "s" : ""}|${c.kinds.join(",")}`;
  const have = into.get(key);
  if (have) have.persons += c.persons;
  else into.set(key, { ...c });
}

/** Scales class sizes down to `target` persons in all (largest remainder); never up. */
function scaleTo(list: RecordClass[], target: number): RecordClass[] {
  const sum = list.reduce((s, c) => s + c.persons, 0);
  if (sum <= target || sum === 0) return list;
  const exact = list.map((c) => (c.persons * target) / sum);
  const out = list.map((c, i) => ({ ...c, persons: Math.floor(exact[i]!) }));
  let left = target - out.reduce((s, c) => s + c.persons, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]!.persons++;
    left--;
  }
  return out;
}
