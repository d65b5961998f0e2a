import type { Finding } from "../engine/types.js";
import { describeImpact } from "../impact/describe-impact.js";
import type { Rule, Severity } from "../rules/rule-schema.js";
import { CATEGORY_LABEL, type Language } from "./report-labels.js";
import type { ScanResult } from "../scan/scan-files.js";
import { sortFindings } from "./sort-findings.js";
import { splitArchivePath } from "./split-archive-path.js";
import { describeColumn } from "./describe-column.js";
import { isIncompleteSkip } from "../scan/is-incomplete-skip.js";

export interface SarifOptions {
  language: Language;
  toolVersion: string;
  /** tool.driver.informationUri; defaults to MAMORI_INFORMATION_URI. */
  informationUri?: string;
}

/** Where a reader of a SARIF log learns what Mamori is. */
export const MAMORI_INFORMATION_URI = "https://github.com/apps/mamori";

const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
};

/**
 * SARIF 2.1.0 for GitHub code scanning (`upload-sarif`) and other CI systems: one run, the rules
 * as `reportingDescriptor`s (titles and remediation in the chosen language, `security-severity`
 * and `precision` in their properties), one result per finding with its redacted preview only,
 * `partialFingerprints["mamori/v1"]` so alerts survive moved lines, columns in code points
 * (`columnKind: "unicodeCodePoints"`), and the impact block in `run.properties.impact` (with its
 * one-line summary in the chosen language in `run.properties.impactSummary`).
 *
 * A finding inside a container (an archive member `a.zip!b.csv`, a workbook cell `book.xlsx!Sheet1!C3`)
 * is located on the container file itself, without a region: GitHub only accepts locations of
 * files in the repository, the member does not exist there, and its line numbers would point at
 * the wrong place in a binary file. The inner path and its line go into the message and into
 * `result.properties.innerPath` / `innerLine` / `innerColumn`.
 *
 * A column finding of a table (`unit: "column"`) is one result on its first row, its message
 * says how many cells on which rows, `properties` carry column, count, firstLine and lastLine,
 * and its sample rows are `relatedLocations`.
 */
export function toSarif(result: ScanResult, rules: Rule[], options: SarifOptions): string {
  let out = "";
  const writer = createSarifWriter((s) => (out += s), rules, options);
  writer.findings(sortFindings(result.findings));
  writer.end(result);
  return out;
}

export interface SarifWriter {
  findings(list: readonly Finding[]): void;
  end(result: Pick<ScanResult, "impact" | "stats">): void;
}

/**
 * The same log as `toSarif`, written piece by piece: the results as findings arrive (one per
 * line, in chunks of about 64 KiB), then the tool with its rules, the invocation and the run's
 * properties (JSON objects are unordered, so `tool` may follow `results`). Nothing holds the
 * whole log: 45 MB of findings no longer need one string of that size. `onlyUsedRules`: describe
 * only the rules the results use (in the order they first appear), not every rule passed.
 */
export function createSarifWriter(write: (chunk: string) => void, rules: Rule[], options: SarifOptions & { onlyUsedRules?: boolean }): SarifWriter {
  const lang = options.language;
  const byId = new Map<string, Rule>();
  for (const r of [...rules].sort((a, b) => cmp(a.id, b.id))) if (!byId.has(r.id)) byId.set(r.id, r);
  const descriptors: Record<string, unknown>[] = [];
  const index = new Map<string, number>();
  if (!options.onlyUsedRules) for (const r of byId.values()) index.set(r.id, descriptors.push(ruleDescriptor(r, lang)) - 1);
  // A finding of a rule not described yet (used for the first time, or a custom rule the caller did not pass).
  const indexOf = (f: Finding): number => {
    let i = index.get(f.ruleId);
    if (i === undefined) {
      const rule = byId.get(f.ruleId);
      i = descriptors.push(rule ? ruleDescriptor(rule, lang) : fallbackDescriptor(f)) - 1;
      index.set(f.ruleId, i);
    }
    return i;
  };

  const I = "      "; // indentation of the run's members
  write(`{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n${I}"language": ${JSON.stringify(lang)},\n${I}"columnKind": "unicodeCodePoints",\n${I}"results": [`);
  let count = 0;
  return {
    findings(list) {
      let chunk = "";
      for (const f of list) {
        chunk += `${count++ === 0 ? "" : ","}\n${I}  ${JSON.stringify(sarifResult(f, indexOf(f), byId.get(f.ruleId), lang))}`;
        if (chunk.length >= 1 << 16) {
          write(chunk);
          chunk = "";
        }
      }
      if (chunk) write(chunk);
    },
    end(result) {
      const driver: Record<string, unknown> = {
        name: "Mamori",
        informationUri: options.informationUri ?? MAMORI_INFORMATION_URI,
        version: options.toolVersion,
      };
      if (SEMVER.test(options.toolVersion)) driver.semanticVersion = options.toolVersion;
      driver.language = lang;
      driver.rules = descriptors;
      const tail = {
        tool: { driver },
        invocations: [invocation(result, lang)],
        properties: {
          impact: result.impact,
          impactSummary: describeImpact(result.impact, lang).headline,
          stats: {
            files: result.stats.files,
            bytes: result.stats.bytes,
            skipped: result.stats.skipped.map((s) => ({ path: s.path, reason: s.reason })),
            incomplete: result.stats.skipped.some(isIncompleteSkip),
            durationMs: result.stats.durationMs,
          },
        },
      };
      const body = JSON.stringify(tail, null, 2).slice(1, -2).replace(/\n/g, `\n    `);
      write(`${count > 0 ? `\n${I}` : ""}],${body}\n    }\n  ]\n}\n`);
    },
  };
}

/** At most this many skipped files become tool notifications; the full list stays in run.properties.stats. */
const MAX_NOTIFICATIONS = 1000;

/** The scan ran to the end; each skipped file is a note, so a reader of the log sees what was not scanned. */
function invocation(result: Pick<ScanResult, "stats">, lang: Language): Record<string, unknown> {
  const inv: Record<string, unknown> = { executionSuccessful: true };
  const skipped = result.stats.skipped.slice(0, MAX_NOTIFICATIONS);
  if (skipped.length) {
    inv.toolExecutionNotifications = skipped.map((s) => ({
      level: "note",
      message: { text: lang === "ja" ? `スキップ: ${s.reason}` : `Skipped: ${s.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(splitArchivePath(s.path).file), uriBaseId: "%SRCROOT%" } } }],
      properties: { path: s.path, reason: s.reason },
    }));
  }
  return inv;
}

const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function ruleDescriptor(rule: Rule, lang: Language): Record<string, unknown> {
  const title = rule.title[lang];
  const full =
    lang === "ja"
      ? `${title}（${CATEGORY_LABEL.ja[rule.category]}・${rule.kind}）`
      : `${title} (${CATEGORY_LABEL.en[rule.category]}: ${rule.kind})`;
  const remediation = rule.remediation[lang];
  const docsLine = rule.docs ? (lang === "ja" ? `詳細: ${rule.docs}` : `More: ${rule.docs}`) : "";
  const d: Record<string, unknown> = {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: title },
    fullDescription: { text: full },
    help: {
      text: docsLine ? `${remediation}\n\n${docsLine}` : remediation,
      markdown: docsLine
        ? `${remediation}\n\n${lang === "ja" ? "詳細" : "More"}: <${rule.docs}>`
        : remediation,
    },
  };
  if (rule.docs) d.helpUri = rule.docs;
  d.defaultConfiguration = { level: LEVEL[rule.severity] };
  d.properties = {
    tags: unique(["security", rule.category, rule.kind, ...rule.tags]),
    "security-severity": SECURITY_SEVERITY[rule.severity],
    precision: rule.confidence,
  };
  return d;
}

function fallbackDescriptor(f: Finding): Record<string, unknown> {
  return {
    id: f.ruleId,
    name: pascalCase(f.ruleId),
    shortDescription: { text: f.ruleId },
    defaultConfiguration: { level: LEVEL[f.severity] },
    properties: {
      tags: unique(["security", f.category, f.kind]),
      "security-severity": SECURITY_SEVERITY[f.severity],
      precision: f.confidence,
    },
  };
}

function sarifResult(f: Finding, ruleIndex: number, rule: Rule | undefined, lang: Language): Record<string, unknown> {
  const title = rule ? rule.title[lang] : f.ruleId;
  const { file, member } = splitArchivePath(f.path);
  let text = `${title}: ${f.redacted}`;
  if (f.unit === "column") text = `${title}: ${describeColumn(f, lang)}; ${lang === "ja" ? "例" : "sample"}: ${f.redacted}`;
  if (f.verified === "live") text += lang === "ja" ? "（有効: プロバイダーが受け付けました）" : " (live: the provider accepted it)";
  else if (f.verified === "revoked") text += lang === "ja" ? "（失効済み）" : " (revoked)";
  if (member !== null) {
    const where = f.line !== null && f.unit !== "column" ? (lang === "ja" ? `${member} の ${f.line} 行目` : `${member}, line ${f.line}`) : member;
    text += lang === "ja" ? `（${file} 内: ${where}）` : ` (inside ${file}: ${where})`;
  }

  const physicalLocation: Record<string, unknown> = {
    artifactLocation: { uri: encodeUri(file), uriBaseId: "%SRCROOT%" },
  };
  if (member === null && f.line !== null) physicalLocation.region = region(f);

  const properties: Record<string, unknown> = {
    category: f.category,
    kind: f.kind,
    severity: f.severity,
    confidence: f.confidence,
  };
  if (f.tags.length > 0) properties.tags = [...f.tags];
  if (member !== null) {
    properties.innerPath = member;
    if (f.line !== null) properties.innerLine = f.line;
    if (f.column !== null) properties.innerColumn = f.column;
  }
  if (f.commit !== undefined) properties.commit = f.commit;
  if (f.verified !== undefined) properties.verified = f.verified;
  if (f.unit === "column") {
    // One result per column: how many cells, which rows; the sample rows are related locations.
    properties.unit = "column";
    if (f.key !== undefined) properties.column = f.key;
    properties.count = f.count;
    properties.firstLine = f.firstLine;
    properties.lastLine = f.lastLine;
  }

  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text },
    locations: [{ physicalLocation }],
    partialFingerprints: { "mamori/v1": f.fingerprint },
    properties,
  };
  if (f.unit === "column" && f.sampleLines && f.sampleLines.length > 0) {
    out.relatedLocations = f.sampleLines.map((line, id) => ({
      id,
      physicalLocation: {
        artifactLocation: { uri: encodeUri(file), uriBaseId: "%SRCROOT%" },
        ...(member === null ? { region: { startLine: line } } : {}),
      },
      message: { text: member === null ? (lang === "ja" ? `${line} 行目` : `row at line ${line}`) : lang === "ja" ? `${member} の ${line} 行目` : `${member}, row ${line}` },
    }));
  }
  return out;
}

/** SARIF regions: 1-based lines and columns; endColumn is the column after the last character. */
function region(f: Finding): Record<string, number> {
  const r: Record<string, number> = { startLine: f.line! };
  if (f.column !== null) r.startColumn = f.column;
  if (f.endLine !== null && f.endLine >= f.line!) r.endLine = f.endLine;
  if (f.endColumn !== null && f.column !== null) {
    const sameLine = f.endLine === null || f.endLine === f.line;
    if (!sameLine || f.endColumn > f.column) r.endColumn = f.endColumn;
  }
  return r;
}

/** A relative URI reference: `/` separators, each segment percent-encoded (spaces, `#`, `%`, Japanese names). */
function encodeUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^(?:\.\/)+/, "")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
