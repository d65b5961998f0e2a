import { decodeFile } from "../../src/decode/decode-file.js";
import { compileRules } from "../../src/engine/compile-rules.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import type { Finding, TextUnit } from "../../src/engine/types.js";
import { loadRules } from "../../src/rules/load-rules.js";
import { OPTIONS, utf8 } from "./helpers.js";

const compiled = compileRules(loadRules());

/** Decodes `text` as the file `path` and runs every built-in rule: its units and personal-data findings. */
export function scanText(path: string, text: string): { units: TextUnit[]; findings: Finding[] } {
  const { units } = decodeFile(path, utf8(text), OPTIONS);
  const findings = units.flatMap((u) => scanUnit(compiled, u, { salt: "test" })).filter((f) => f.category === "pii");
  return { units, findings };
}

/** Kinds found on each 1-based line, e.g. { 3: ["name"], 5: ["phone"] }. */
export function kindsByLine(findings: readonly Finding[]): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const f of findings) (out[f.line ?? 0] ??= []).push(f.kind);
  for (const k of Object.keys(out)) out[Number(k)].sort();
  return out;
}
