import type { TextUnit } from "../engine/types.js";
import { makeRecordUnit, type RecordField } from "./make-record-unit.js";
import { parseContentLines, type ContentLine } from "./parse-content-lines.js";

/** Properties that say nothing about anyone (structure, software, ids) or hold binary data. */
const SKIP = new Set(["BEGIN", "END", "VERSION", "PRODID", "UID", "REV", "KIND", "X-ABSHOWAS", "PHOTO", "LOGO", "KEY", "CATEGORIES", "CLASS"]);

function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset ?? "utf-8");
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(Uint8Array.from(bytes));
}

const param = (line: ContentLine, name: string): string | undefined => line.params.find((p) => p.name === name)?.value;
const hasType = (line: ContentLine, type: string): boolean =>
  line.params.some((p) => p.name === "TYPE" && p.value.toUpperCase().split(",").includes(type));

/** The value of a content line, and whether it is a verbatim copy of the source. */
function valueOf(line: ContentLine): { value: string; verbatim: boolean } | undefined {
  const encoding = (param(line, "ENCODING") ?? "").toUpperCase();
  if (encoding === "B" || encoding === "BASE64" || hasType(line, "BASE64")) return undefined;
  if (encoding === "QUOTED-PRINTABLE" || hasType(line, "QUOTED-PRINTABLE")) return { value: decodeQuotedPrintable(line.value, param(line, "CHARSET")), verbatim: false };
  return { value: line.value, verbatim: line.contiguous };
}

/** Components of a structured value (N, ADR) split on unescaped ";", each with its offset in the value. */
function components(value: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || (value[i] === ";" && value[i - 1] !== "\\")) {
      out.push({ text: value.slice(at, i), at });
      at = i + 1;
    }
  }
  return out;
}

/** A card of an organisation (KIND:org, Apple's X-ABShowAs:COMPANY, or an ORG and no person's name). */
function isOrganisation(card: ContentLine[]): boolean {
  const get = (name: string) => card.find((l) => l.name === name);
  const kind = get("KIND")?.value.trim().toLowerCase();
  if (kind === "org" || kind === "organization") return true;
  if (get("X-ABSHOWAS")?.value.trim().toUpperCase() === "COMPANY") return true;
  const org = get("ORG")?.value.split(";")[0].trim();
  if (!org) return false;
  const n = get("N")?.value.replace(/[;\s]/g, "") ?? "";
  const fn = get("FN")?.value.trim() ?? "";
  return n === "" || fn === org;
}

/**
 * A vCard file (.vcf) as records: each card is one record, its properties fields with the keys
 * a column header would have (FN → full_name, N → family_name / given_name, X-PHONETIC-… and
 * SOUND → …_kana, TEL → tel, EMAIL → email, ADR → postal_code and address (composed from
 * region, locality and street), BDAY → birthday). Cards of organisations (KIND:org,
 * X-ABShowAs:COMPANY, ORG without a person's name) give company_… keys and are not records.
 * Other properties keep their own name as key; binary ones (PHOTO, KEY) are left out.
 */
export function decodeVcard(path: string, source: string): TextUnit {
  const fields: RecordField[] = [];
  let records = 0;
  let card: ContentLine[] = [];
  const flush = (): void => {
    if (card.length === 0) return;
    const org = isOrganisation(card);
    const record = org ? -1 : records++;
    const prefix = org ? "company_" : "";
    const add = (key: string, value: string, at: number, verbatim: boolean): void => {
      if (value.trim() !== "") fields.push({ key, value, source: at, verbatim, record });
    };
    for (const line of card) {
      if (SKIP.has(line.name)) continue;
      const v = valueOf(line);
      if (!v) continue;
      const at = (offset: number): number => (v.verbatim ? line.offset + offset : line.offset);
      switch (line.name) {
        case "FN":
          add(org ? "company_name" : "full_name", v.value, line.offset, v.verbatim);
          break;
        case "N":
        case "SOUND": {
          const kana = line.name === "SOUND" ? "_kana" : "";
          const parts = components(v.value);
          if (org) add("company_name", v.value, line.offset, v.verbatim);
          else {
            if (parts[0]) add(`family_name${kana}`, parts[0].text, at(parts[0].at), v.verbatim);
            if (parts[1]) add(`given_name${kana}`, parts[1].text, at(parts[1].at), v.verbatim);
          }
          break;
        }
        case "X-PHONETIC-LAST-NAME":
        case "X-FURIGANA-LAST-NAME":
          add(`${prefix}last_name_kana`, v.value, line.offset, v.verbatim);
          break;
        case "X-PHONETIC-FIRST-NAME":
        case "X-FURIGANA-FIRST-NAME":
          add(`${prefix}first_name_kana`, v.value, line.offset, v.verbatim);
          break;
        case "SORT-STRING":
          add(`${prefix}name_kana`, v.value, line.offset, v.verbatim);
          break;
        case "TEL":
          add(`${prefix}tel`, v.value.replace(/^tel:/i, ""), line.offset + (/^tel:/i.test(v.value) && v.verbatim ? 4 : 0), v.verbatim);
          break;
        case "EMAIL":
          add(`${prefix}email`, v.value, line.offset, v.verbatim);
          break;
        case "ADR": {
          // pobox; extended; street; locality; region; postal code; country
          const c = components(v.value).map((p) => p.text.replace(/\\,/g, ",").trim());
          const postal = components(v.value)[5];
          if (postal && postal.text.trim() !== "") add(`${prefix}postal_code`, postal.text, at(postal.at), v.verbatim);
          const street = `${c[4] ?? ""}${c[3] ?? ""}${c[2] ?? ""}${c[1] ? ` ${c[1]}` : ""}`.trim();
          add(`${prefix}address`, street, line.offset, false);
          break;
        }
        case "BDAY":
          add(`${prefix}birthday`, v.value, line.offset, v.verbatim);
          break;
        case "ORG":
          add("company_name", v.value, line.offset, v.verbatim);
          break;
        default:
          add(`${prefix}${line.name.toLowerCase()}`, v.value, line.offset, v.verbatim);
      }
    }
    card = [];
  };
  for (const line of parseContentLines(source)) {
    if (line.name === "BEGIN" && line.value.trim().toUpperCase() === "VCARD") flush();
    card.push(line);
    if (line.name === "END" && line.value.trim().toUpperCase() === "VCARD") flush();
  }
  flush();
  return makeRecordUnit(path, source, fields, records);
}
