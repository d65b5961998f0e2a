import { randomBytes } from "node:crypto";
import { makeTextUnit } from "../decode/make-text-unit.js";
import { compileRules, type CompiledRules } from "../engine/compile-rules.js";
import { scanUnit } from "../engine/scan-unit.js";
import { loadRules } from "../rules/load-rules.js";

let builtin: CompiledRules | undefined;
/** A throw-away key: fingerprints of an error message are never shown or kept. */
const KEY = randomBytes(32);

/**
 * An error message (or any text bound for a terminal, a check run, a log or a report) with every
 * value the rules find in it replaced by its redacted preview, as findings are shown: a secret
 * or a phone number in a broken config line, an unknown rule id or a key name comes out as
 * `ghp_****…9aZ1`, `090-****-5678`. Uses the built-in rules unless `compiled` is given. Never
 * throws: if the rules cannot run, the text is withheld rather than shown raw.
 */
export function redactErrorText(text: string, compiled?: CompiledRules): string {
  if (text.length === 0) return text;
  try {
    const rules = compiled ?? (builtin ??= compileRules(loadRules()));
    // Scanned as a YAML file: configuration lines (`token: …`) are name/value pairs to the rules.
    const findings = scanUnit(rules, makeTextUnit("error.yml", text), { salt: "error", key: KEY });
    if (findings.length === 0) return text;
    const starts = [0];
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    const offset = (line: number, column: number) => advanceCodePoints(text, starts[line - 1] ?? text.length, column - 1);
    const spans = findings
      .filter((f) => f.line !== null && f.column !== null)
      .map((f) => ({ start: offset(f.line!, f.column!), end: offset(f.endLine ?? f.line!, f.endColumn ?? f.column!), redacted: f.redacted }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    let out = "";
    let at = 0;
    for (const s of spans) {
      if (s.start < at) {
        // Overlapping finding: extend the hidden part, never show its tail.
        at = Math.max(at, s.end);
        continue;
      }
      out += text.slice(at, s.start) + s.redacted;
      at = s.end;
    }
    return out + text.slice(at);
  } catch {
    return "(message withheld: it could not be checked for secrets)";
  }
}

/** The UTF-16 offset `n` code points after `from`. */
function advanceCodePoints(text: string, from: number, n: number): number {
  let at = from;
  for (let i = 0; i < n && at < text.length; i++) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return at;
}
