import { namePartKey, type NamePartKey } from "./validators/name-part-key.js";

/**
 * Keyed fields written in text — `last_name: 佐藤`, `"first_name" => "Jiro"`, `sei_kana: サトウ`,
 * `"last_name": {"example": "山田"}` — as key and value.
 */
const KEYED = /(?<![\p{L}\p{N}_])["']?([A-Za-z_]*(?:name|sei|mei)[A-Za-z_]*|[姓名セメせめ][^\s"':=>]{0,8})["']?\s*(?:=>|:|=)\s*(?:\{\s*["']?(?:example|value|default)["']?\s*:\s*)?["']?([^"'\n,{}()]*)/gu;

interface Keyed extends NamePartKey {
  at: number;
  valueStart: number;
  value: string;
}

/**
 * The other part of the name a candidate is one part of, when both sit in keyed fields of one
 * record (`last_name: 佐藤` → the `first_name` beside it): the nearest field that holds the other
 * part (same script: reading with reading), since one record's fields are closer together than two
 * records'. Undefined when the candidate is in no keyed name-part field or no counterpart is near.
 */
export function findNameCounterpart(text: string, start: number, end: number): { own: NamePartKey; other: string } | undefined {
  const from = Math.max(0, start - 600);
  const window = text.slice(from, Math.min(text.length, end + 600));
  const fields: Keyed[] = [];
  for (const m of window.matchAll(KEYED)) {
    const key = namePartKey(m[1]);
    if (key === undefined) continue;
    const value = m[2].trim();
    const valueStart = from + m.index + m[0].length - m[2].length + (m[2].length - m[2].trimStart().length);
    fields.push({ ...key, at: from + m.index, valueStart, value });
  }
  const own = fields.find((f) => f.valueStart <= start && start < f.valueStart + Math.max(f.value.length, 1));
  if (own === undefined) return undefined;
  let best: Keyed | undefined;
  for (const f of fields) {
    if (f.part === own.part || f.reading !== own.reading || f.value === "") continue;
    if (best === undefined || Math.abs(f.at - own.at) < Math.abs(best.at - own.at)) best = f;
  }
  return best === undefined ? undefined : { own: { part: own.part, reading: own.reading }, other: best.value };
}
