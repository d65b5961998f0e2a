import type { Finding } from "../engine/types.js";
import { ColumnAccumulator, SMALL_COLUMN_CELLS, type CellDetail } from "./column-accumulator.js";

/**
 * Fingerprints of the column findings whose every cell is among `findings` (a scan with cells
 * "small" or "all": the columns of at most SMALL_COLUMN_CELLS cells, or all of them). Taken before
 * cells are dropped, so `regroupColumns` knows which columns it can rebuild from their cells.
 */
export function completeColumns(findings: readonly Finding[]): Set<string> {
  const cells = new Map<string, number>();
  for (const f of findings) if (f.columnFingerprint !== undefined) cells.set(f.columnFingerprint, (cells.get(f.columnFingerprint) ?? 0) + 1);
  const out = new Set<string>();
  for (const f of findings) if (f.unit === "column" && cells.get(f.fingerprint) === f.count) out.add(f.fingerprint);
  return out;
}

/**
 * The App filters cells (what the base already has, older copies of a value) and then speaks in
 * columns: each column of `complete` is rebuilt from the cells left of it (count, first and last
 * row, samples, preview; its fingerprint and the fields the caller added, such as `removedIn`,
 * kept) and dropped when none is left; a larger column stays as scanned. Cells are kept with
 * `keepCells` true or "all" (`scan.detail: cells`), and with "small" for a rebuilt column of at
 * most SMALL_COLUMN_CELLS cells. Other findings pass unchanged, in order.
 */
export function regroupColumns<T extends Finding>(findings: readonly T[], complete: ReadonlySet<string>, keepCells: boolean | CellDetail): T[] {
  const cells: CellDetail = keepCells === true ? "all" : keepCells === false ? "none" : keepCells;
  const out: T[] = [];
  const held = new Map<string, T[]>();
  const templates = new Map<string, T>();
  const acc = new ColumnAccumulator({ salt: "", key: null, cells: "none" });
  const fingerprintOf = new Map<string, string>();
  for (const f of findings) {
    if (f.unit === "column") {
      if (complete.has(f.fingerprint)) templates.set(f.fingerprint, f);
      else out.push(f);
      continue;
    }
    const fp = f.columnFingerprint;
    if (fp === undefined) {
      out.push(f);
      continue;
    }
    if (!complete.has(fp)) {
      if (cells !== "none") out.push(f);
      continue;
    }
    if (cells !== "none") {
      let list = held.get(fp);
      if (!list) held.set(fp, (list = []));
      list.push(f);
    }
    // The table unit is the middle of the column fingerprint: `<kind>-column:<unit path>:<hash>`.
    const unitPath = fp.slice(fp.indexOf(":") + 1, fp.lastIndexOf(":"));
    fingerprintOf.set(`${unitPath}\0${f.key}\0${f.kind}`, fp);
    acc.add({ ...f, columnFingerprint: undefined }, unitPath);
  }
  for (const rebuilt of acc.flush()) {
    const fp = fingerprintOf.get(`${rebuilt.path}\0${rebuilt.key}\0${rebuilt.kind}`)!;
    const template = templates.get(fp);
    out.push({ ...(template ?? {}), ...rebuilt, fingerprint: fp } as T);
    if (cells === "all" || (cells === "small" && rebuilt.count! <= SMALL_COLUMN_CELLS)) out.push(...(held.get(fp) ?? []));
  }
  return out;
}
