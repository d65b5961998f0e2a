import type { TextUnit } from "../engine/types.js";
import { makeRecordUnit, type RecordField } from "./make-record-unit.js";

/** A parameter of a query string or a form body: after "?" or "&", or opening a quoted k=v&k=v string. */
const PARAM = /(?:(?<=[?&;])|(?<=["']|^)(?=[^\s"'=&]{1,60}=[^\s"'&]*&))([^\s"'=&?#;<>]{1,60})=([^\s"'&#;<>]*)/gm;

function percentBytes(s: string): Uint8Array | undefined {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "%") {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (c === "+") out.push(0x20);
    else {
      const code = c.charCodeAt(0);
      if (code > 0x7f) return undefined;
      out.push(code);
    }
  }
  return Uint8Array.from(out);
}

/** Percent-decoded text (UTF-8, else Shift_JIS as older Japanese sites send), undefined when neither fits. */
function percentDecode(s: string): string | undefined {
  const bytes = percentBytes(s);
  if (!bytes) return undefined;
  for (const label of ["utf-8", "shift_jis"]) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // next encoding
    }
  }
  return undefined;
}

/**
 * What URL encoding hides in access logs and HAR files: the parameters of query strings and
 * form bodies whose values are percent-encoded (`?name=%E5%B1%B1…&tel=…`), decoded, as a unit
 * of records (one per line that holds some, or as `recordAt` says: a HAR entry) with the parameter name as key. Parameters written
 * plainly are left to the file's own unit. Located on the encoded value in the original line.
 * Undefined when nothing is encoded.
 */
export function decodeQueryStrings(path: string, source: string, recordAt?: (offset: number) => number | undefined): TextUnit | undefined {
  if (!/%[0-9A-Fa-f]{2}|\+/.test(source)) return undefined;
  const fields: RecordField[] = [];
  let records = 0;
  let lastLine = -2; // lastIndexOf gives -1 on the first line
  PARAM.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARAM.exec(source)) !== null) {
    const [, rawKey, rawValue] = m;
    if (!/%[0-9A-Fa-f]{2}|\+/.test(rawValue)) continue;
    const value = percentDecode(rawValue);
    if (value === undefined || value === rawValue || value.trim() === "") continue;
    const key = percentDecode(rawKey) ?? rawKey;
    const line = source.lastIndexOf("\n", m.index);
    if (line !== lastLine) {
      lastLine = line;
      records++;
    }
    const record = recordAt ? (recordAt(m.index) ?? -1) : records - 1;
    fields.push({ key: key.toLowerCase(), value, source: m.index + rawKey.length + 1, verbatim: false, record });
  }
  if (fields.length === 0) return undefined;
  return makeRecordUnit(path, source, fields, recordAt ? new Set(fields.map((f) => f.record)).size : records);
}
