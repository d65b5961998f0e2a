import { Buffer, isAscii, isUtf8 } from "node:buffer";
import type { TextUnit } from "../engine/types.js";
import { createCsvFieldIndex } from "./csv-field-index.js";
import { decodeTextBytes } from "./decode-text-bytes.js";
import { hasJapaneseCompatUtf8 } from "./has-japanese-compat-utf8.js";
import { createJsonFieldIndex } from "./json-field-index.js";
import { makeTextUnit } from "./make-text-unit.js";
import { sniffDelimiter } from "./sniff-delimiter.js";

/** Text of a table decoded and scanned at a time (bytes of complete rows). */
export const TABLE_BATCH_BYTES = 512 * 1024;
/** Table files from this size on are read in batches of rows (CLI: from disk; App: from the fetched bytes). */
export const STREAM_TABLE_FROM = 8 * 1024 * 1024;

const LF = 0x0a;
const QUOTE = 0x22;

type TableKind = "csv" | "tsv" | "ndjson";

/** The kind of table a path names when its rows can be read in batches (CSV/TSV, NDJSON), else undefined. */
export function streamableTableKind(path: string): TableKind | undefined {
  const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("!")) + 1).toLowerCase();
  const dot = name.lastIndexOf(".");
  if (dot < 0) return undefined;
  const ext = name.slice(dot + 1);
  if (ext === "csv") return "csv";
  if (ext === "tsv" || ext === "tab") return "tsv";
  if (ext === "ndjson" || ext === "jsonl" || ext === "jsonlines") return "ndjson";
  return undefined;
}

/**
 * Cuts a stream of byte chunks (any sizes, cut anywhere — inside a multi-byte character or a
 * quoted field) into batches of whole rows of about `batchBytes`: a batch ends after a line feed
 * outside double quotes (CSV/TSV: `""` escapes flip twice; NDJSON has no raw line feed in a
 * string). A line feed byte is never part of a UTF-8, Shift_JIS or EUC-JP multi-byte character,
 * so a batch always ends on a character boundary. A quote left open for 8 batches (a stray `"`)
 * is given up: the batch is cut at its last line feed so memory stays bounded.
 */
export function* rowBatches(chunks: Iterable<Uint8Array>, quotes: boolean, batchBytes = TABLE_BATCH_BYTES): Generator<Uint8Array> {
  let carry: Buffer[] = [];
  let carryLen = 0;
  let inQuote = false;
  let lastLf = -1; // position (in the carried bytes) of the last line feed, for a stray quote
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    let cut = -1; // bytes of this chunk that end a row
    if (!quotes || (!inQuote && chunk.indexOf(QUOTE) < 0)) {
      cut = chunk.lastIndexOf(LF) + 1;
      if (cut > 0) lastLf = carryLen + cut - 1;
    } else {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === QUOTE) inQuote = !inQuote;
        else if (b === LF) {
          lastLf = carryLen + i;
          if (!inQuote) cut = i + 1;
        }
      }
    }
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (cut <= 0) {
      carry.push(Buffer.from(buf)); // the reader may reuse its buffer
      carryLen += buf.length;
      if (carryLen >= batchBytes * 8 && lastLf >= 0) {
        // a quote that never closes: cut at the last line feed and read on as if it had closed
        const all = Buffer.concat(carry, carryLen);
        yield all.subarray(0, lastLf + 1);
        carry = [Buffer.from(all.subarray(lastLf + 1))];
        carryLen = carry[0]!.length;
        inQuote = false;
        lastLf = -1;
      }
      continue;
    }
    if (carryLen + cut >= batchBytes) {
      carry.push(buf.subarray(0, cut));
      yield Buffer.concat(carry, carryLen + cut);
      carry = cut < buf.length ? [Buffer.from(buf.subarray(cut))] : [];
      carryLen = buf.length - cut;
      lastLf = -1;
    } else {
      carry.push(Buffer.from(buf));
      carryLen += buf.length;
    }
  }
  if (carryLen > 0) yield Buffer.concat(carry, carryLen);
}

/** Byte chunks of a buffer already in memory (the App's fetched blob), without copying. */
export function* sliceChunks(bytes: Uint8Array, size = TABLE_BATCH_BYTES): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

export interface TableBatch {
  unit: TextUnit;
  /** Data rows (records) in this batch. */
  records: number;
  /** The batch repeats the table's header row above its own rows (batches after the first): a finding on a line null is in that copy. */
  repeatsHeader: boolean;
}

/**
 * Reads a large CSV/TSV/NDJSON table as a sequence of table units of about TABLE_BATCH_BYTES,
 * so memory stays bounded whatever the file size: each batch of whole rows is decoded on its
 * own (the encoding — UTF-8, Shift_JIS, EUC-JP — is read from the first batch and kept), CSV/TSV
 * batches after the first repeat the header row so columns keep their names, and `line` /
 * `record` continue across batches (line numbers of the file; records counted from the first
 * data row). Returns undefined when the file cannot be read this way (UTF-16, whose line feeds
 * are two bytes): the caller then reads it whole or lists it as too large.
 */
export function* streamTableUnits(path: string, kind: TableKind, chunks: Iterable<Uint8Array>, batchBytes = TABLE_BATCH_BYTES): Generator<TableBatch> {
  let label: string | undefined;
  let header: Buffer | undefined;
  let headerLines = 0;
  let delimiter = kind === "tsv" ? "\t" : ",";
  let nextLine = 1; // line of the file where the batch starts
  let recordsBefore = 0;
  let first = true;
  for (const batch of rowBatches(chunks, kind !== "ndjson", batchBytes)) {
    const lines = countLf(batch);
    let reading: { text: string; plain?: boolean; astral?: boolean };
    let body: Uint8Array = batch;
    if (first) {
      const decoded = decodeTextBytes(batch);
      if (!decoded || decoded.encoding.startsWith("utf-16") || decoded.alternative) throw new UnstreamableTable(decoded ? decoded.encoding : "binary");
      label = decoded.encoding;
      reading = decoded;
      if (kind !== "ndjson") {
        // the header row: the first row (up to its line feed outside quotes), BOM removed
        const start = decoded.bom ? 3 : 0;
        const end = firstRowEnd(batch, start);
        header = Buffer.from(batch.subarray(start, end));
        headerLines = countLf(header);
        delimiter = sniffDelimiter(decodeWith(label, header).text, delimiter);
      }
    } else {
      if (header) {
        const withHeader = Buffer.concat([header, batch]);
        body = withHeader;
      }
      reading = decodeWith(label!, body);
    }
    const sep = delimiter;
    const unit = makeTextUnit(path, reading.text, kind === "ndjson" ? (s) => createJsonFieldIndex(s, true) : (s) => createCsvFieldIndex(s, sep), {
      plain: reading.plain,
      astral: reading.astral,
      unescape: kind === "ndjson",
    });
    const repeatsHeader = !first && header !== undefined;
    const records = unit.records ?? 0;
    if (!first) shift(unit, nextLine, repeatsHeader ? headerLines : 0, recordsBefore);
    yield { unit, records, repeatsHeader };
    recordsBefore += records;
    nextLine += lines;
    first = false;
  }
}

/** A table that cannot be read in batches (UTF-16, or bytes that are not text). */
export class UnstreamableTable extends Error {
  constructor(readonly encoding: string) {
    super(`cannot be read in batches (${encoding})`);
  }
}

/** Moves a later batch's lines and records to their place in the file; lines of the repeated header become null. */
function shift(unit: TextUnit, startLine: number, headerLines: number, recordsBefore: number): void {
  const { locate, fieldAt } = unit;
  unit.locate = (offset) => {
    const at = locate!(offset);
    if (at.line === null) return at;
    if (at.line <= headerLines) return { ...at, line: null, column: null };
    return { ...at, line: startLine + at.line - headerLines - 1 };
  };
  if (fieldAt) {
    unit.fieldAt = (offset) => {
      const field = fieldAt(offset);
      return field ? { key: field.key, record: field.record + recordsBefore } : undefined;
    };
  }
}

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();

/** Decodes a later batch with the encoding of the first (UTF-8 batches are checked: one that is not valid UTF-8 is read on its own). */
function decodeWith(label: string, bytes: Uint8Array): { text: string; plain?: boolean; astral?: boolean } {
  if (label === "utf-8") {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isAscii(bytes)) return { text: view.toString("latin1"), plain: true, astral: false };
    if (isUtf8(bytes)) return { text: view.toString("utf8"), plain: !hasJapaneseCompatUtf8(bytes) };
    const own = decodeTextBytes(bytes);
    if (own && !own.encoding.startsWith("utf-16")) return own;
  }
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label, { ignoreBOM: true })));
  return { text: d.decode(bytes), astral: label === "utf-8" ? undefined : false };
}

function countLf(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/** End (after the line feed) of the row starting at `start`, line feeds in quotes skipped. */
function firstRowEnd(bytes: Uint8Array, start: number): number {
  let quoted = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (b === LF && !quoted) return i + 1;
  }
  return bytes.length;
}
