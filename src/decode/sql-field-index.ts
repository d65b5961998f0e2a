import type { FieldInfo } from "../engine/types.js";
import type { FieldIndex } from "./field-index.js";
import { GrowableInt32 } from "./growable-int32.js";
import { inferColumnKinds } from "./infer-column-kinds.js";
import { lastAtOrBefore } from "./last-at-or-before.js";

const INSERT_RE = /(?:INSERT|REPLACE)\s+(?:LOW_PRIORITY\s+|DELAYED\s+|HIGH_PRIORITY\s+)?(?:IGNORE\s+)?(?:INTO\s+)?([^\s(;,]+)\s*(?:\(([^)]*)\))?\s*VALUES?\s*/iy;
const COPY_RE = /COPY\s+([^\s(;,]+)\s*(?:\(([^)]*)\))?\s+FROM\s+stdin[^\n]*\n/iy;
const CREATE_RE = /CREATE\s+(?:(?:GLOBAL\s+|LOCAL\s+)?(?:TEMPORARY|TEMP)\s+|UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([^\s(;,]+)\s*\(/iy;
const DOLLAR_RE = /\$[A-Za-z_]*\$/y;
const CONSTRAINT_WORDS = new Set(["primary", "key", "unique", "constraint", "index", "foreign", "check", "fulltext", "spatial", "exclude", "like"]);

function unquote(name: string): string {
  return name.trim().replace(/^[`"[]|[`"\]]$/g, "");
}
function tableName(raw: string): string {
  const parts = raw.split(".");
  return unquote(parts[parts.length - 1]).toLowerCase();
}
function columnList(raw: string): string[] {
  return raw.split(",").map((c) => unquote(c).slice(0, 100));
}

/** Offset just after a quoted SQL string starting at i ('…' with '' or backslash escapes, "…", `…`). */
function skipQuoted(s: string, i: number): number {
  const q = s.charCodeAt(i);
  let j = i + 1;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 92 && q === 39) j += 2;
    else if (c === q) {
      if (s.charCodeAt(j + 1) === q) j += 2;
      else return j + 1;
    } else j++;
  }
  return s.length;
}

/** Skips whitespace and comments from i. */
function skipSpace(s: string, i: number): number {
  const len = s.length;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 45 && s.charCodeAt(i + 1) === 45) {
      const nl = s.indexOf("\n", i);
      i = nl < 0 ? len : nl + 1;
    } else if (c === 47 && s.charCodeAt(i + 1) === 42) {
      const end = s.indexOf("*/", i + 2);
      // MySQL's /*!40101 … */ are statements in comments: treat them as comments
      i = end < 0 ? len : end + 2;
    } else break;
  }
  return i;
}

/** Offset just after the ')' that closes the '(' at i (strings and nested parentheses skipped). */
function closeParen(s: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 39 || c === 34 || c === 96) {
      j = skipQuoted(s, j);
      continue;
    }
    if (c === 40) depth++;
    else if (c === 41) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return s.length;
}

/** Offset just after the ';' that ends the statement at i. */
function skipStatement(s: string, i: number): number {
  let j = i;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (c === 39 || c === 34 || c === 96) j = skipQuoted(s, j);
    else if (c === 36) {
      DOLLAR_RE.lastIndex = j;
      const m = DOLLAR_RE.exec(s);
      if (m) {
        const end = s.indexOf(m[0], j + m[0].length);
        j = end < 0 ? s.length : end + m[0].length;
      } else j++;
    } else if (c === 45 && s.charCodeAt(j + 1) === 45) {
      const nl = s.indexOf("\n", j);
      j = nl < 0 ? s.length : nl + 1;
    } else if (c === 59) return j + 1;
    else j++;
  }
  return s.length;
}

/** Column names of a CREATE TABLE body between '(' at open and ')' before close. */
function createColumns(s: string, open: number, close: number): string[] {
  const cols: string[] = [];
  let depth = 0;
  let start = open + 1;
  const take = (end: number): void => {
    const def = s.slice(start, end).trim();
    const m = /^([`"[]?)([^\s`"\]]+)/.exec(def);
    if (m && (m[1] || !CONSTRAINT_WORDS.has(m[2].toLowerCase()))) cols.push(m[2].slice(0, 100));
  };
  for (let j = open + 1; j < close - 1; j++) {
    const c = s.charCodeAt(j);
    if (c === 39 || c === 34 || c === 96) {
      j = skipQuoted(s, j) - 1;
      continue;
    }
    if (c === 40) depth++;
    else if (c === 41) depth--;
    else if (c === 44 && depth === 0) {
      take(j);
      start = j + 1;
    }
  }
  take(close - 1);
  return cols;
}

/** The tables a SQL text creates: name (lower-case, without schema) → column names in order. */
export function readCreateTables(source: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  const re = new RegExp(CREATE_RE.source, "gi");
  for (const m of source.matchAll(re)) {
    const open = m.index + m[0].length - 1;
    tables.set(tableName(m[1]), createColumns(source, open, closeParen(source, open)));
  }
  return tables;
}

/** Unquoted cells of a tuple `( … )` between start and end (top-level commas). */
function tupleCells(s: string, start: number, end: number): string[] {
  const cells: string[] = [];
  let cur = "";
  let depth = 0;
  for (let j = start + 1; j < end - 1; j++) {
    const c = s.charCodeAt(j);
    if (c === 39 || c === 34) {
      const after = skipQuoted(s, j);
      cur += s.slice(j + 1, after - 1).replace(/''/g, "'").replace(/\\(.)/g, "$1");
      j = after - 1;
    } else if (c === 40) {
      depth++;
      cur += s[j];
    } else if (c === 41) {
      depth--;
      cur += s[j];
    } else if (c === 44 && depth === 0) {
      cells.push(cur.trim());
      cur = "";
    } else cur += s[j];
  }
  cells.push(cur.trim());
  return cells;
}

/** Rows sampled per table to infer the columns of an INSERT that names none. */
const INFER_ROWS = 50;

/**
 * SQL dump structure (pg_dump and mysqldump): each tuple of an INSERT … VALUES (…), (…); and each
 * data line of a `COPY t (cols) FROM stdin;` block is one record (numbered across the file).
 * Column names come from the INSERT / COPY column list, or from the table's CREATE TABLE when
 * the INSERT has none (mysqldump's default) — in this file, else in `schemas` (tables defined
 * elsewhere in the scanned tree: schema.sql, migrations, models) — else each position is named
 * by what its values are (`column 2 (氏名)`, see inferColumnKinds). The column of an offset is
 * found on lookup by scanning its tuple (top-level commas) or its COPY line (tabs).
 */
export function createSqlFieldIndex(source: string, schemas?: ReadonlyMap<string, readonly string[]>): FieldIndex {
  const tables = new Map<string, string[]>();
  const colLists: string[][] = [];
  // INSERTs of a table whose columns are known nowhere share one inferred column list
  const inferredOf = new Map<string, number>();
  const samples = new Map<number, string[][]>();
  const starts = new GrowableInt32();
  const ends = new GrowableInt32();
  const colsOf = new GrowableInt32();
  const kindOf: number[] = []; // 0 = tuple, 1 = COPY line
  const len = source.length;
  let i = 0;
  while (i < len) {
    i = skipSpace(source, i);
    if (i >= len) break;
    INSERT_RE.lastIndex = i;
    COPY_RE.lastIndex = i;
    CREATE_RE.lastIndex = i;
    let m: RegExpExecArray | null;
    if ((m = INSERT_RE.exec(source)) !== null) {
      const name = tableName(m[1]);
      const known = m[2] !== undefined ? columnList(m[2]) : (tables.get(name) ?? schemas?.get(name));
      let colsId = known ? -1 : (inferredOf.get(name) ?? -1);
      if (colsId < 0) {
        colLists.push(known ? [...known] : []);
        colsId = colLists.length - 1;
        if (!known) {
          inferredOf.set(name, colsId);
          samples.set(colsId, []);
        }
      }
      const sample = samples.get(colsId);
      let j = INSERT_RE.lastIndex;
      for (;;) {
        j = skipSpace(source, j);
        if (source.charCodeAt(j) !== 40) break;
        const end = closeParen(source, j);
        starts.push(j);
        ends.push(end);
        colsOf.push(colsId);
        kindOf.push(0);
        if (sample && sample.length < INFER_ROWS) sample.push(tupleCells(source, j, end));
        j = skipSpace(source, end);
        if (source.charCodeAt(j) === 44) j++;
        else break;
      }
      i = skipStatement(source, j);
    } else if ((m = COPY_RE.exec(source)) !== null) {
      const cols = m[2] !== undefined ? columnList(m[2]) : [...(tables.get(tableName(m[1])) ?? schemas?.get(tableName(m[1])) ?? [])];
      colLists.push(cols);
      const colsId = colLists.length - 1;
      let j = COPY_RE.lastIndex;
      while (j < len) {
        const nl = source.indexOf("\n", j);
        const lineEnd = nl < 0 ? len : nl;
        const line = source.slice(j, lineEnd).replace(/\r$/, "");
        if (line === "\\.") {
          j = lineEnd + 1;
          break;
        }
        if (line.length > 0) {
          starts.push(j);
          ends.push(lineEnd);
          colsOf.push(colsId);
          kindOf.push(1);
        }
        j = lineEnd + 1;
      }
      i = j;
    } else if ((m = CREATE_RE.exec(source)) !== null) {
      const open = CREATE_RE.lastIndex - 1;
      const close = closeParen(source, open);
      tables.set(tableName(m[1]), createColumns(source, open, close));
      i = skipStatement(source, close);
    } else {
      i = skipStatement(source, i);
    }
  }
  for (const [id, rows] of samples) {
    colLists[id] = inferColumnKinds(rows).map((kind, i) => (kind ? `column ${i + 1} (${kind})` : ""));
  }
  const st = starts.toArray();
  const en = ends.toArray();
  const co = colsOf.toArray();
  return {
    records: st.length > 0 ? st.length : undefined,
    keys: () => colLists.flat(),
    fieldAt(offset: number): FieldInfo | undefined {
      const r = lastAtOrBefore(st, offset);
      if (r < 0 || offset >= en[r]) return undefined;
      let col = 0;
      if (kindOf[r] === 1) {
        for (let j = st[r]; j < offset; j++) if (source.charCodeAt(j) === 9) col++;
      } else {
        let depth = 0;
        for (let j = st[r] + 1; j < offset; j++) {
          const c = source.charCodeAt(j);
          if (c === 39 || c === 34) {
            const after = skipQuoted(source, j);
            if (after > offset) break;
            j = after - 1;
          } else if (c === 40) depth++;
          else if (c === 41) depth--;
          else if (c === 44 && depth === 0) col++;
        }
      }
      const key = colLists[co[r]][col] || `column ${col + 1}`;
      return { key, record: r };
    },
  };
}
