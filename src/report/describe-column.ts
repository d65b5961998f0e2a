import type { Finding } from "../engine/types.js";
import { KIND_LABEL } from "../impact/describe-impact.js";
import type { Language } from "./report-labels.js";

/**
 * One line about a column finding, e.g. `column 電話番号: 99,870 phone numbers, rows 2–100,001
 * (sample rows 2, 3, 5)` / `列「電話番号」: 電話番号 99,870 件、2〜100,001 行（例: 2, 3, 5 行）`.
 * The key comes from the scanned file: the caller escapes the line for its output.
 */
export function describeColumn(f: Finding, language: Language): string {
  const count = f.count ?? 1;
  const kind = KIND_LABEL[language][f.kind] ?? f.kind;
  const first = f.firstLine ?? f.line;
  const last = f.lastLine ?? first;
  const rows = first === null || first === undefined ? "" : first === last ? n(first) : `${n(first)}–${n(last!)}`;
  const sample = (f.sampleLines ?? []).map(n).join(", ");
  if (language === "ja") {
    return `列「${f.key ?? ""}」: ${kind} ${n(count)} 件` + (rows ? `、${rows.replace("–", "〜")} 行` : "") + (sample ? `（例: ${sample} 行）` : "");
  }
  return `column ${f.key ?? ""}: ${n(count)} ${count === 1 ? singular(kind) : kind}` + (rows ? `, ${first === last ? "row" : "rows"} ${rows}` : "") + (sample ? ` (sample rows ${sample})` : "");
}

/** "phone numbers" -> "phone number" for a count of one. */
function singular(label: string): string {
  if (label.startsWith("dates of")) return `date${label.slice(5)}`;
  if (label.includes("(")) return label;
  return label.endsWith("addresses") ? label.slice(0, -2) : label.endsWith("s") ? label.slice(0, -1) : label;
}

function n(x: number): string {
  return x.toLocaleString("en-US");
}
