import { readCreateTables } from "./sql-field-index.js";

/** Table name → column names in order, collected over a repository (lower-case table names). */
export type TableSchemas = Map<string, string[]>;

/** Files that may define tables: SQL, Rails schema and migrations, Laravel migrations, Django models, Prisma. */
const SCHEMA_PATH = /\.(sql|ddl|prisma)$|(^|\/)(schema\.rb|structure\.sql)$|(^|\/)db\/migrate\/[^/]+\.rb$|(^|\/)migrations\/[^/]+\.(php|py)$|(^|\/)models(\.py|\/[^/]+\.py)$/i;

/** Whether a path may hold table definitions (the scan layer reads only these in its pre-pass). */
export function mayDefineTables(path: string): boolean {
  return SCHEMA_PATH.test(path);
}

function add(into: TableSchemas, table: string, cols: string[]): void {
  if (cols.length === 0) return;
  const key = table.toLowerCase();
  if (!into.has(key)) into.set(key, cols);
}

/** Rails: `create_table "users" do |t|` … `t.string "name"` … `end` (id first, timestamps last). */
function rails(text: string, into: TableSchemas): void {
  const re = /create_table\s*\(?\s*[:"'](\w+)["']?([^\n]*?)\bdo\s*\|(\w+)\|([\s\S]*?)\n\s*end\b/g;
  for (const m of text.matchAll(re)) {
    const [, table, options, t, body] = m;
    const cols: string[] = /id:\s*false/.test(options) ? [] : ["id"];
    const col = new RegExp(`\\b${t}\\.(\\w+)\\s*\\(?\\s*[:"'](\\w+)`, "g");
    for (const line of body.split("\n")) {
      if (new RegExp(`\\b${t}\\.timestamps\\b`).test(line)) {
        cols.push("created_at", "updated_at");
        continue;
      }
      for (const c of line.matchAll(col)) {
        if (c[1] === "index") continue;
        cols.push(c[1] === "references" || c[1] === "belongs_to" ? `${c[2]}_id` : c[2]);
      }
    }
    add(into, table, cols);
  }
}

/** Laravel: `Schema::create('users', function (Blueprint $table) { $table->string('name'); … });`. */
function laravel(text: string, into: TableSchemas): void {
  const re = /Schema::create\(\s*['"](\w+)['"]\s*,\s*function\s*\([^)]*\$(\w+)\)[^{]*\{([\s\S]*?)\n\s*\}\s*\)/g;
  for (const m of text.matchAll(re)) {
    const [, table, t, body] = m;
    const cols: string[] = [];
    const call = new RegExp(`\\$${t}->(\\w+)\\(\\s*(?:['"](\\w+)['"])?`, "g");
    for (const c of body.matchAll(call)) {
      const [, method, name] = c;
      if (method === "id" || method === "bigIncrements" || method === "increments") cols.push(name ?? "id");
      else if (method === "timestamps" || method === "timestampsTz" || method === "nullableTimestamps") cols.push("created_at", "updated_at");
      else if (method === "softDeletes" || method === "softDeletesTz") cols.push(name ?? "deleted_at");
      else if (method === "rememberToken") cols.push("remember_token");
      else if (name && !/^(index|unique|primary|foreign|dropColumn|renameColumn)$/.test(method)) cols.push(name);
    }
    add(into, table, cols);
  }
}

/** Django: `class Person(models.Model):` then `name = models.CharField(…)` (id first; ForeignKey → name_id). */
function django(path: string, text: string, into: TableSchemas): void {
  const parts = path.split("/");
  const app = parts.length >= 2 ? parts[parts.length - (parts[parts.length - 2] === "models" ? 3 : 2)] : "";
  const re = /^class\s+(\w+)\s*\(([^)]*)\)\s*:\s*\n((?:[ \t]+[^\n]*\n|[ \t]*\n)*)/gm;
  for (const m of text.matchAll(re)) {
    const [, cls, bases, body] = m;
    if (!/Model\b/.test(bases)) continue;
    const cols = ["id"];
    const tableOverride = /db_table\s*=\s*['"](\w+)['"]/.exec(body)?.[1];
    for (const f of body.matchAll(/^[ \t]+(\w+)\s*=\s*(?:models\.)?(\w+)\(/gm)) {
      if (!/Field$|^ForeignKey$|^OneToOneField$/.test(f[2])) continue;
      cols.push(f[2] === "ForeignKey" || f[2] === "OneToOneField" ? `${f[1]}_id` : f[1]);
    }
    if (cols.length === 1) continue;
    add(into, tableOverride ?? `${app}_${cls}`, cols);
    add(into, cls, cols);
  }
}

/** Prisma: `model User { name String … }` (fields in order; relations without a column skipped). */
function prisma(text: string, into: TableSchemas): void {
  for (const m of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const cols: string[] = [];
    for (const f of m[2].matchAll(/^[ \t]+(\w+)\s+(\w+)(\[\])?(\?)?([^\n]*)$/gm)) {
      if (f[3] || /@relation/.test(f[5]) || !/^(String|Int|BigInt|Float|Decimal|Boolean|DateTime|Json|Bytes)$/.test(f[2])) continue;
      cols.push(/@map\("(\w+)"\)/.exec(f[5])?.[1] ?? f[1]);
    }
    add(into, /@@map\("(\w+)"\)/.exec(m[2])?.[1] ?? m[1], cols);
  }
}

/**
 * Collects the tables a file defines (name → columns in order) into `into`, so that an
 * `INSERT INTO t VALUES (…)` without a column list elsewhere in the tree gets its columns: plain
 * DDL (`CREATE TABLE`), Rails `create_table … t.string :name`, Laravel `$table->string('name')`,
 * Django models and Prisma models. A table already known keeps its first definition.
 */
export function collectTableSchemas(path: string, text: string, into: TableSchemas): void {
  const lower = path.toLowerCase();
  if (/\.(sql|ddl)$/.test(lower)) {
    for (const [table, cols] of readCreateTables(text)) add(into, table, cols);
  } else if (lower.endsWith(".rb")) rails(text, into);
  else if (lower.endsWith(".php")) laravel(text, into);
  else if (lower.endsWith(".py")) django(path, text, into);
  else if (lower.endsWith(".prisma")) prisma(text, into);
}
