import type { Finding } from "../engine/types.js";
import type { Impact } from "../impact/types.js";
import type { ScanResult, ScanStats } from "../scan/scan-files.js";
import { sortFindings } from "./sort-findings.js";
import { isIncompleteSkip } from "../scan/is-incomplete-skip.js";

/**
 * `mamori scan --format json`: the Finding contract of the design (`findings`, `impact`,
 * `stats`), keys in a fixed order, one finding per line (greppable, and cheap to write for a
 * 100,000-row export), findings sorted by path, line, column, rule id.
 *
 * Findings are copied field by field from an allow-list, so `valueHash` (a salted hash of a
 * personal value, internal to the scan) and any field added later never leak into the output
 * by accident. Only `redacted` previews appear; the Finding type holds no raw value.
 *
 * A column finding of a table adds `"unit":"column"`, `count`, `firstLine`, `lastLine` and
 * `sampleLines` (its `key` is the column, `line` its first row, `redacted` the first cell's preview).
 */
export function toJson(result: ScanResult): string {
  let out = "";
  const writer = createJsonWriter((s) => (out += s));
  writer.findings(sortFindings(result.findings));
  writer.end(result.impact, result.stats);
  return out;
}

/**
 * The same document as `toJson`, written piece by piece: findings as they are produced (each
 * file's findings in order), then impact and stats. Keeps a 100,000-row export's findings out
 * of memory.
 */
export function createJsonWriter(write: (chunk: string) => void): {
  findings(list: readonly Finding[]): void;
  end(impact: Impact, stats: ScanStats): void;
} {
  let count = 0;
  write('{\n  "findings": [');
  return {
    findings(list) {
      let chunk = "";
      for (const f of list) {
        chunk += `${count++ === 0 ? "" : ","}\n    ${findingLine(f)}`;
        if (chunk.length >= 1 << 16) {
          write(chunk);
          chunk = "";
        }
      }
      if (chunk) write(chunk);
    },
    end(impact, stats) {
      const tail = JSON.stringify(
        {
          impact: impactToJson(impact),
          stats: {
            files: stats.files,
            bytes: stats.bytes,
            skipped: stats.skipped.map((s) => ({ path: s.path, reason: s.reason })),
            incomplete: stats.skipped.some(isIncompleteSkip),
            durationMs: stats.durationMs,
          },
        },
        null,
        2,
      );
      write(`${count > 0 ? "\n  " : ""}],\n${tail.slice(2)}\n`);
    },
  };
}

/**
 * One finding as a JSON object, fields from an allow-list in a fixed order. Written out directly
 * (no intermediate object): a 100,000-row export has close to a million of them.
 */
function findingLine(f: Finding): string {
  const q = JSON.stringify;
  let out = `{"ruleId":${q(f.ruleId)},"category":${q(f.category)},"kind":${q(f.kind)},"severity":${q(f.severity)},"path":${q(f.path)},"line":${f.line},"column":${f.column},"endLine":${f.endLine},"endColumn":${f.endColumn},"redacted":${q(f.redacted)},"fingerprint":${q(f.fingerprint)},"confidence":${q(f.confidence)}`;
  if (f.key !== undefined) out += `,"key":${q(f.key)}`;
  if (f.record !== undefined) out += `,"record":${f.record}`;
  out += `,"tags":${q(f.tags)}`;
  if (f.commit !== undefined) out += `,"commit":${q(f.commit)}`;
  if (f.verified !== undefined) out += `,"verified":${q(f.verified)}`;
  if (f.unit === "column") {
    out += `,"unit":"column","count":${f.count ?? 0},"firstLine":${f.firstLine ?? null},"lastLine":${f.lastLine ?? null},"sampleLines":${q(f.sampleLines ?? [])}`;
  }
  return out + "}";
}

/** The impact block in contract order; fields the impact stage adds later follow, unchanged. */
function impactToJson(impact: Impact): Record<string, unknown> {
  const { persons, files, kinds, sensitive, financial, myNumber, appi, estimate, secrets, ...rest } = impact;
  return {
    persons,
    files: files.map((f) => ({ path: f.path, persons: f.persons, ...(f.basis ? { basis: f.basis } : {}) })),
    kinds: [...kinds],
    sensitive,
    financial,
    myNumber,
    appi: {
      reportRequired: appi.reportRequired,
      triggers: [...appi.triggers],
      deadlines: appi.deadlines ? { preliminary: appi.deadlines.preliminary, final: appi.deadlines.final } : null,
    },
    estimate: { currency: estimate.currency, low: estimate.low, high: estimate.high, basis: estimate.basis },
    secrets,
    ...rest,
  };
}
