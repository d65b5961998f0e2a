/**
 * Decode stage: bytes of one file -> text units for the engine (pure: no I/O, synchronous,
 * never throws; anything that cannot be decoded is returned in `skipped` with a reason).
 *
 * Units and locations
 * - `unit.text` is the decoded text (UTF-8 with/without BOM, UTF-16 LE/BE with or without BOM,
 *   Shift_JIS/CP932, EUC-JP, ISO-2022-JP) after NFKC normalisation, so full-width digits and
 *   letters, half-width kana, U+3000 and ㍻ match ASCII/standard patterns. NFKC is applied to
 *   the runs of non-ASCII characters that hold a Japanese-relevant compatibility character
 *   (U+2460–24FF, U+2E80–2FDF, U+3000, U+3200–33FF, U+F900–FAFF, U+FE30–FE6F, U+FF00–FFEF,
 *   U+2F800–2FA1F); text without any (all plain source) is passed through untouched, at the
 *   speed of a plain UTF-8 decode. Other compatibility characters alone (NBSP, ﬁ, ²) stay.
 * - `unit.locate(offset)` maps a UTF-16 offset in `text` to the ORIGINAL file: 1-based line
 *   (split on "\n") and 1-based column counted in characters (code points), never bytes; the
 *   BOM is not a column.
 * - `unit.fieldAt(offset)` gives `{ key, record }` for structured text: CSV/TSV (header of the
 *   column, 0-based data row), JSON/NDJSON (nearest key; record = element of the first array of
 *   objects / NDJSON line), SQL dumps (INSERT column list, or CREATE TABLE columns when the
 *   INSERT has none, and COPY … FROM stdin; one tuple or COPY line = one record), and, with
 *   `record` always 0 and `records` undefined, YAML/.env/properties/ini/toml (`key:`/`KEY=`) and
 *   XML (element or attribute; `<add key="K" value="…"/>` gives K; an export whose elements repeat
 *   as siblings with children has them as records: find-xml-records.ts). `unit.records` = number of
 *   records of a table unit (SQL: all tuples of all tables of the dump).
 * Paths
 * - A file inside an archive: `archive.zip!inner/path.csv`; nested: `a.zip!b.zip!c.txt`;
 *   `x.tar.gz!dir/file`; a plain `.gz`: `notes.txt.gz!notes.txt`.
 * - Workbooks: one unit per sheet, path `book.xlsx!Sheet1`, one row per line, cells separated
 *   by tabs; `locate` returns `{ line: row number, column: column index (A = 1),
 *   pathSuffix: "C12" }` — a reporter shows it as `${path}!${pathSuffix}`, i.e.
 *   `book.xlsx!Sheet1!C12`. The header row (the first row that holds no data-like values and is
 *   as wide as the rows below it; title rows above it are skipped) gives the `fieldAt` keys, the
 *   rows below it are the records. Date-formatted numbers read as dates (YYYY/MM/DD).
 * - CSV/TSV: the header is found the same way; the delimiter is sniffed from the first line.
 * - .docx: the body (`memo.docx`) plus headers, footers, notes and comments (`memo.docx!header1`);
 *   .pptx: one unit per slide and per notes page (`deck.pptx!slide3`, `deck.pptx!notes3`);
 *   line = paragraph number, column = character in it.
 * - Notebooks (.ipynb): one unit of cell sources and text outputs; `locate` gives the line and
 *   column inside the .ipynb JSON file.
 * - E-mail (.eml): the message as text, plus a second unit of the same path with what MIME
 *   encodings hide (encoded-word headers, base64/quoted-printable text parts), located on the
 *   .eml line of the encoded data; attachments are decoded as `mail.eml!name.csv`.
 * - JSON, NDJSON and .properties: `\uXXXX` escapes of non-ASCII characters are decoded first
 *   (Python's json.dumps and Java's native2ascii write Japanese that way); `locate` points at
 *   the escape's backslash.
 * - `fieldAt` and `records` are computed lazily (first call) on the decoded text before NFKC,
 *   so a full-width comma inside a CSV field never splits it; lookups are binary searches over
 *   Int32Array offsets plus a scan of one row (no object per field).
 * Skips (never a throw): "binary", "binary (legacy or password-protected Office file …)",
 * "too large (N bytes > LIMIT)", "archive (archive scanning is turned off)", "archive nested
 * deeper than N", "archive entry limit reached", "archive size limit reached (…)",
 * "compression ratio N:1 over the limit M:1 (possible zip bomb)", "too large when decompressed
 * (…)", "corrupt archive: …", "corrupt xlsx file: …", "could not decode: …".
 */
import { isAscii, isUtf8 } from "node:buffer";
import type { TextUnit } from "../engine/types.js";
import { createCsvFieldIndex } from "./csv-field-index.js";
import { sniffDelimiter } from "./sniff-delimiter.js";
import { decodeIcalendar } from "./decode-icalendar.js";
import { decodeMime } from "./decode-mime.js";
import { createQueryFieldIndex } from "./query-field-index.js";
import { decodeVcard } from "./decode-vcard.js";
import { decodeNotebook } from "./decode-notebook.js";
import { decodeOfficeText } from "./decode-office-text.js";
import { decodeTextBytes } from "./decode-text-bytes.js";
import { guessUtf16 } from "./guess-utf16.js";
import { decodeXlsx } from "./decode-xlsx.js";
import { gunzipBounded } from "./gunzip-bounded.js";
import type { FieldIndex } from "./field-index.js";
import { isProbablyBinary } from "./is-probably-binary.js";
import { createFhirJsonFieldIndex } from "./fhir-json-field-index.js";
import { createFhirXmlFieldIndex } from "./fhir-xml-field-index.js";
import { createJsonFieldIndex } from "./json-field-index.js";
import { createKeyValueFieldIndex } from "./key-value-field-index.js";
import { createCodeRecordFieldIndex, type CodeLanguage } from "./code-record-field-index.js";
import { createMarkdownTableFieldIndex } from "./markdown-table-field-index.js";
import { makeTextUnit } from "./make-text-unit.js";
import { readZip } from "./read-zip.js";
import { readTar } from "./read-tar.js";
import { createSqlFieldIndex } from "./sql-field-index.js";
import { rowsToUnit } from "./rows-to-unit.js";
import { isSqliteFile, openSqliteBytes, sqliteEngine } from "./sqlite-tables.js";
import { createXmlFieldIndex } from "./xml-field-index.js";
import type { DecodeBudget } from "./decode-budget.js";

export interface DecodeOptions {
  /** Largest file (and archive entry) decoded, in bytes. */
  maxFileBytes: number;
  /** Open .zip/.jar/.gz/.tar(.gz) archives (workbooks, documents and notebooks are always read). */
  archives: boolean;
  /** How many archive levels are opened (0: none; 1: entries of a top-level archive, …). */
  maxArchiveDepth: number;
  /** Total uncompressed bytes read from archives (all levels together). */
  maxArchiveBytes: number;
  /** Total archive entries read (all levels together). */
  maxArchiveEntries: number;
  /** Largest uncompressed:compressed ratio of an entry over 64 KiB (default 200). */
  maxRatio?: number;
  /**
   * Tables defined elsewhere in the scanned tree (name → columns; see collectTableSchemas): an
   * `INSERT INTO t VALUES (…)` without a column list takes its columns from here.
   */
  tableSchemas?: ReadonlyMap<string, readonly string[]>;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface DecodeResult {
  units: TextUnit[];
  skipped: Skipped[];
}

export const DEFAULT_MAX_RATIO = 200;

interface Ctx {
  options: DecodeOptions;
  budget: DecodeBudget;
  out: DecodeResult;
}

const CSV = new Set(["csv"]);
const TSV = new Set(["tsv", "tab"]);
const JSON_EXT = new Set(["json", "geojson", "har", "webmanifest", "jsonc", "json5"]);
const NDJSON = new Set(["ndjson", "jsonl", "jsonlines"]);
const SQL = new Set(["sql", "dump", "pgsql", "mysql"]);
const CODE: Record<string, CodeLanguage> = {
  js: "js", mjs: "js", cjs: "js", jsx: "js", ts: "js", tsx: "js", mts: "js", cts: "js", graphql: "js", gql: "js",
  rb: "ruby", rake: "ruby", ex: "ruby", exs: "ruby", py: "python", php: "php",
};
/** A key followed by a string or number literal: a source file that may hold records. */
const CODE_PAIR = /[\w'"\]]\s*(?::|=>|=)\s*['"\d]/;
const KEY_VALUE = new Set(["yml", "yaml", "env", "properties", "ini", "cfg", "conf", "toml", "npmrc", "pypirc", "netrc", "s3cfg", "editorconfig", "gitconfig", "tfvars", "hcl"]);
const XML_EXT = new Set(["xml", "plist", "xaml", "csproj", "vbproj", "fsproj", "config", "resx", "xsd", "wsdl", "pom"]);
const VCARD = new Set(["vcf", "vcard"]);
const LOG = new Set(["log", "access", "har"]);
/** Rotated or unsuffixed server logs: access.log.1, access_log, ssl_request_log-20250301. */
const ACCESS_LOG = /(^|[._-])(access|request|error)[._-]?log([._-]|$)|\.log\.\d+$/;
const ICALENDAR = new Set(["ics", "ical", "ifb", "icalendar"]);
const SHEETS = new Set(["xlsx", "xlsm", "xltx", "xltm"]);
const DOCS = new Set(["docx", "docm", "dotx", "pptx", "pptm", "potx"]);
const ARCHIVES = new Set(["zip", "jar", "war", "ear", "apk", "aar", "whl", "nupkg", "gz", "tgz", "tar"]);

/** A FHIR resource or Bundle: "resourceType": "Patient" near the top. */
const FHIR = /"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/;
const FHIR_XML = /xmlns\s*=\s*["']http:\/\/hl7\.org\/fhir["']/;

/** A JSON text can hold records only if some array holds an object. */
const ARRAY_OF_OBJECTS = /\[\s*\{/;
/** …or an object keyed by ids: `{"C0001": {…}, …}`. */
const ID_KEYED = /"[^"\n]*\d[^"\n]*"\s*:\s*\{/;

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Lower-case file name of the innermost path component (after the last "/" or "!"). */
function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("!"), path.lastIndexOf("\\"));
  return path.slice(i + 1).toLowerCase();
}

function extension(name: string): string {
  if (name.startsWith(".env") || name.endsWith(".env")) return "env";
  // A copy to fill in (config.json.sample, settings.yml.dist, app.json.example) has its inner format.
  const copy = /^(.+\.[a-z0-9]+)\.(?:sample|example|dist|template|tmpl|default|orig)$/.exec(name);
  if (copy) return extension(copy[1]);
  const dot = name.lastIndexOf(".");
  if (dot === 0) return name.slice(1); // .npmrc, .pypirc
  return dot < 0 ? "" : name.slice(dot + 1);
}

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);
}
function isGzip(b: Uint8Array): boolean {
  return b.length >= 3 && b[0] === 0x1f && b[1] === 0x8b && b[2] === 8;
}
function isTar(b: Uint8Array): boolean {
  return b.length >= 512 && b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72;
}

function fieldsFor(ext: string, source: string, schemas?: ReadonlyMap<string, readonly string[]>): ((s: string) => FieldIndex) | undefined {
  if (CSV.has(ext)) return (s) => createCsvFieldIndex(s, sniffDelimiter(s, ","));
  if (TSV.has(ext)) return (s) => createCsvFieldIndex(s, sniffDelimiter(s, "\t"));
  if (JSON_EXT.has(ext)) return FHIR.test(source.slice(0, 4000)) ? (s) => createFhirJsonFieldIndex(s) : (s) => createJsonFieldIndex(s, false);
  if (NDJSON.has(ext)) return (s) => createJsonFieldIndex(s, true);
  if (SQL.has(ext)) return (s) => createSqlFieldIndex(s, schemas);
  if (KEY_VALUE.has(ext)) return (s) => createKeyValueFieldIndex(s, ext === "yml" || ext === "yaml");
  if (CODE[ext]) return (s) => createCodeRecordFieldIndex(s, CODE[ext]);
  if (LOG.has(ext) && ext !== "har") return (s) => createQueryFieldIndex(s);
  if (XML_EXT.has(ext)) return FHIR_XML.test(source.slice(0, 4000)) ? (s) => createFhirXmlFieldIndex(s) : (s) => createXmlFieldIndex(s);
  if (ext === "md" || ext === "markdown") return (s) => createMarkdownTableFieldIndex(s);
  if (ext === "txt" && /^--\s*(MySQL|PostgreSQL) database dump/m.test(source.slice(0, 2000))) return (s) => createSqlFieldIndex(s, schemas);
  return undefined;
}

/** Opens an archive entry by entry, each decoded like a file one level deeper. */
function expandArchive(path: string, bytes: Uint8Array, ext: string, depth: number, ctx: Ctx): void {
  const { options, budget, out } = ctx;
  if (!options.archives) {
    out.skipped.push({ path, reason: "archive (archive scanning is turned off)" });
    return;
  }
  if (depth >= options.maxArchiveDepth) {
    out.skipped.push({ path, reason: `archive nested deeper than ${options.maxArchiveDepth}` });
    return;
  }
  const maxRatio = options.maxRatio ?? DEFAULT_MAX_RATIO;
  if (isZip(bytes)) {
    let read;
    try {
      read = readZip(bytes, `${path}!`, { maxEntryBytes: options.maxFileBytes, maxRatio, budget });
    } catch (e) {
      out.skipped.push({ path, reason: `corrupt archive: ${message(e)}` });
      return;
    }
    out.skipped.push(...read.skipped);
    for (const [name, data] of read.files) decodeInto(`${path}!${name}`, data, depth + 1, ctx);
    return;
  }
  if (isGzip(bytes)) {
    const limit = Math.min(options.maxFileBytes, Math.max(budget.bytesLeft, 0), Math.max(bytes.length * maxRatio, 64 * 1024));
    let inner: Uint8Array | undefined;
    try {
      inner = gunzipBounded(bytes, limit);
    } catch (e) {
      out.skipped.push({ path, reason: `corrupt archive: ${message(e)}` });
      return;
    }
    if (!inner) {
      out.skipped.push({ path, reason: `too large when decompressed (over ${limit} bytes: file, archive or ratio limit)` });
      return;
    }
    budget.bytesLeft -= inner.length;
    if (isTar(inner)) {
      expandTar(path, inner, depth, ctx);
      return;
    }
    const name = baseName(path).replace(/\.t?gz$/, ext === "tgz" ? ".tar" : "") || "data";
    decodeInto(`${path}!${name}`, inner, depth + 1, ctx);
    return;
  }
  expandTar(path, bytes, depth, ctx);
}

/** Rows per unit of a SQLite table (a large table becomes several units of the same path). */
const SQLITE_BATCH = 5000;

/**
 * A SQLite database file (`app.db`, `db/development.sqlite3`, any name: found by its header):
 * each table a table unit `app.db!users` (column names as headers, a row per record, line =
 * row number), within the file size limit already checked and the archive byte budget for the
 * decoded text.
 */
function decodeSqlite(path: string, bytes: Uint8Array, ctx: Ctx): void {
  const SQL = sqliteEngine();
  if (!SQL) {
    ctx.out.skipped.push({ path, reason: "sqlite database (the SQLite engine could not be loaded)" });
    return;
  }
  let db;
  try {
    db = openSqliteBytes(SQL, bytes);
  } catch (e) {
    ctx.out.skipped.push({ path, reason: `corrupt sqlite database: ${message(e)}` });
    return;
  }
  try {
    let left = Math.max(ctx.options.maxFileBytes * 4, 64 * 1024 * 1024);
    for (const table of db.tables) {
      const unitPath = `${path}!${table.name}`;
      let rows = 0;
      for (const batch of db.rows(table, SQLITE_BATCH)) {
        const unit = rowsToUnit(unitPath, table.columns, batch, rows);
        rows += batch.length;
        left -= unit.text.length;
        if (left < 0) {
          ctx.out.skipped.push({ path: unitPath, reason: `partly read: decoded sqlite text over the limit after ${rows} rows` });
          return;
        }
        ctx.out.units.push(unit);
      }
    }
  } catch (e) {
    ctx.out.skipped.push({ path, reason: `corrupt sqlite database: ${message(e)}` });
  } finally {
    db.close();
  }
}

function expandTar(path: string, bytes: Uint8Array, depth: number, ctx: Ctx): void {
  let read;
  try {
    read = readTar(bytes, `${path}!`, { maxEntryBytes: ctx.options.maxFileBytes, budget: ctx.budget });
  } catch (e) {
    ctx.out.skipped.push({ path, reason: `corrupt archive: ${message(e)}` });
    return;
  }
  ctx.out.skipped.push(...read.skipped);
  for (const [name, data] of read.files) decodeInto(`${path}!${name}`, data, depth + 1, ctx);
}

function decodeInto(path: string, bytes: Uint8Array, depth: number, ctx: Ctx): void {
  const { options, out } = ctx;
  try {
    if (bytes.length > options.maxFileBytes) {
      out.skipped.push({ path, reason: `too large (${bytes.length} bytes > ${options.maxFileBytes})` });
      return;
    }
    const name = baseName(path);
    const ext = extension(name);
    if (isZip(bytes) && (SHEETS.has(ext) || DOCS.has(ext))) {
      const sheets = SHEETS.has(ext);
      let read;
      try {
        read = readZip(bytes, `${path}!`, { maxEntryBytes: options.maxFileBytes, maxRatio: options.maxRatio ?? DEFAULT_MAX_RATIO, budget: ctx.budget }, (n) =>
          sheets ? /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(n) : /^(word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml|ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml)$/.test(n),
        );
      } catch (e) {
        out.skipped.push({ path, reason: `corrupt ${ext} file: ${message(e)}` });
        return;
      }
      out.skipped.push(...read.skipped);
      const units = sheets ? decodeXlsx(path, read.files) : decodeOfficeText(path, read.files);
      if (units.length === 0) out.skipped.push({ path, reason: `no ${sheets ? "worksheets" : "document text"} found in ${ext} file` });
      out.units.push(...units);
      return;
    }
    if (isSqliteFile(bytes)) {
      decodeSqlite(path, bytes, ctx);
      return;
    }
    if (isZip(bytes) || isGzip(bytes) || isTar(bytes)) {
      expandArchive(path, bytes, ext, depth, ctx);
      return;
    }
    if (bytes.length > 0 && (SHEETS.has(ext) || DOCS.has(ext) || (ARCHIVES.has(ext) && ext !== "tar"))) {
      out.skipped.push({ path, reason: `corrupt ${ext} file: not a ${ext === "gz" || ext === "tgz" ? "gzip" : "zip"} archive` });
      return;
    }
    const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const ascii = isAscii(bytes);
    const utf8 = ascii || isUtf8(bytes);
    if (!bom && isProbablyBinary(bytes, utf8) && !guessUtf16(bytes)) {
      const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
      out.skipped.push({ path, reason: ole ? "binary (legacy or password-protected Office file: .xls/.doc/.ppt are not read)" : "binary" });
      return;
    }
    const decoded = decodeTextBytes(bytes, bom ? {} : { ascii, utf8 });
    if (!decoded) {
      out.skipped.push({ path, reason: "binary" });
      return;
    }
    const source = decoded.text;
    if (ext === "ipynb") {
      const nb = decodeNotebook(path, source);
      if (nb) {
        out.units.push(nb);
        return;
      }
    }
    if (VCARD.has(ext) || ICALENDAR.has(ext)) {
      out.units.push(VCARD.has(ext) ? decodeVcard(path, source) : decodeIcalendar(path, source));
      return;
    }
    // rotated or unsuffixed server logs (access.log.1, access_log) read as logs
    const kind = ext === "ipynb" ? "json" : ACCESS_LOG.test(name) && (ext === "" || /^\d+$/.test(ext)) ? "log" : ext;
    // a doubtful encoding guess: both readings are scanned (same path)
    for (const reading of decoded.alternative ? [decoded, decoded.alternative] : [decoded]) {
      out.units.push(makeTextUnit(path, reading.text, fieldsFor(kind, reading.text, options.tableSchemas), {
        plain: reading.plain,
        astral: reading.astral,
        mayHaveRecords: JSON_EXT.has(kind) ? (s) => ARRAY_OF_OBJECTS.test(s) || ID_KEYED.test(s) : CODE[kind] ? (s) => CODE_PAIR.test(s) : undefined,
        codeRecords: CODE[kind] !== undefined || kind === "yml" || kind === "yaml",
        unescape: JSON_EXT.has(kind) || NDJSON.has(kind) || kind === "properties",
        percent: LOG.has(kind),
      }));
    }
    if (ext === "eml" || ext === "mbox") {
      // what MIME encodings hide (encoded-word names, base64 bodies) as a second unit of the same path
      const mime = decodeMime(path, bytes);
      if (mime.unit) out.units.push(mime.unit);
      for (const a of mime.attachments) {
        if (a.bytes.length > ctx.budget.bytesLeft) {
          out.skipped.push({ path: `${path}!${a.name}`, reason: `archive size limit reached (${a.bytes.length} bytes > ${Math.max(ctx.budget.bytesLeft, 0)} left)` });
          continue;
        }
        ctx.budget.bytesLeft -= a.bytes.length;
        decodeInto(`${path}!${a.name}`, a.bytes, depth + 1, ctx);
      }
    }
  } catch (e) {
    out.skipped.push({ path, reason: `could not decode: ${message(e)}` });
  }
}

/** Decodes one file's bytes into text units (see the conventions at the top of this file). */
export function decodeFile(path: string, bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  const out: DecodeResult = { units: [], skipped: [] };
  const budget: DecodeBudget = { bytesLeft: options.maxArchiveBytes, entriesLeft: options.maxArchiveEntries };
  decodeInto(path, bytes, 0, { options, budget, out });
  return out;
}
