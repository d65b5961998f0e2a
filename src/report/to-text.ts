import { styleText } from "node:util";
import type { Finding } from "../engine/types.js";
import { describeImpact } from "../impact/describe-impact.js";
import type { Rule, Severity } from "../rules/rule-schema.js";
import type { ScanResult } from "../scan/scan-files.js";
import { displayWidth } from "./display-width.js";
import { escapeControl } from "./escape-control.js";
import { CATEGORY_LABEL, CATEGORY_ORDER, SEVERITY_LABEL, SEVERITY_ORDER, type Language } from "./report-labels.js";
import { sortFindings } from "./sort-findings.js";
import { describeColumn } from "./describe-column.js";

export interface TextOptions {
  language: Language;
  /** ANSI colours (see cli/use-color.ts: a TTY, no NO_COLOR, no --no-color); false gives plain text. */
  color: boolean;
  /** Titles of the rules; without it a finding shows its rule id only. */
  rulesById?: Map<string, Rule>;
  /**
   * Findings listed per file before the rest is summed up in one line (a customer export has
   * thousands); default 20, `Infinity` lists all. Counts, impact and JSON/SARIF are not capped.
   */
  maxPerFile?: number;
}

/** Titles longer than this many terminal columns are shortened with "…". */
const MAX_TITLE_WIDTH = 40;

/** How many fingerprints the suppression hint lists before it points at the JSON output. */
const MAX_FINGERPRINTS = 20;

type Style = Parameters<typeof styleText>[0];
const SEVERITY_STYLE: Record<Severity, Style> = { critical: ["bold", "magenta"], high: ["bold", "red"], medium: "yellow", low: "cyan" };

/**
 * Terminal output of `mamori scan`: findings grouped by file, each on one line
 * `path:line:col  SEVERITY  rule-id  title  redacted` (columns aligned, also for Japanese
 * titles), then a summary by severity and category, the scan statistics, the impact block (texts
 * from `describeImpact`), and how to suppress a finding that is meant to be there. Only redacted previews appear.
 */
/** `--verify` outcome beside a finding. */
const VERIFIED_LABEL = {
  en: { live: "LIVE", revoked: "revoked", unknown: "unverified" },
  ja: { live: "有効", revoked: "失効済み", unknown: "未確認" },
} as const;

export function toText(result: ScanResult, options: TextOptions): string {
  const { language: lang, color, rulesById } = options;
  const maxPerFile = Math.max(1, options.maxPerFile ?? 20);
  const ja = lang === "ja";
  // util.styleText writes the escapes; whether to colour at all (TTY, NO_COLOR, --no-color) is decided by the
  // caller (cli/use-color.ts), so its own stream check is off: the same options give the same text everywhere.
  const paint = (style: Style, s: string) => (color && s ? styleText(style, s, { validateStream: false }) : s);
  // File names, previews and titles come from the scanned tree: no control character reaches the terminal.
  const findings = sortFindings(result.findings).map(safeFinding);
  const out: string[] = [];

  for (const all of groupByPath(findings)) {
    const group = all.slice(0, maxPerFile);
    const rows = group.map((f) => ({
      f,
      cells: [
        location(f),
        SEVERITY_LABEL[lang][f.severity],
        f.ruleId,
        truncate(escapeControl(rulesById?.get(f.ruleId)?.title[lang] ?? ""), MAX_TITLE_WIDTH),
        f.unit === "column"
          ? `${escapeControl(describeColumn(f, lang))} — ${ja ? "例" : "sample"} ${f.redacted}`
          : f.redacted + (f.category === "secret" && f.confidence !== "high" ? `  [${[f.confidence, ...f.tags.filter((t) => t === "test" || t === "example" || t === "weak-value")].join(", ")}]` : ""),
      ],
    }));
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => displayWidth(r.cells[i]))));
    out.push(paint(["bold", "underline"], groupKey(group[0].path)));
    for (const { f, cells } of rows) {
      const padded = cells.map((c, i) => (i < 4 ? c + " ".repeat(widths[i] - displayWidth(c)) : c));
      const parts = [
        padded[0],
        paint(SEVERITY_STYLE[f.severity], padded[1]),
        paint("dim", padded[2]),
        ...(widths[3] > 0 ? [padded[3]] : []),
        padded[4],
        ...(f.commit ? [paint("dim", `@${f.commit.slice(0, 7)}`)] : []),
        ...(f.verified ? [paint(f.verified === "live" ? ["bold", "red"] : "dim", VERIFIED_LABEL[lang][f.verified])] : []),
      ];
      out.push(("  " + parts.join("  ")).trimEnd());
    }
    const more = all.length - group.length;
    if (more > 0) {
      out.push(paint("dim", ja ? `  … このファイルにあと ${n(more)} 件（全件は --format json）` : `  … ${n(more)} more in this file (all of them: --format json)`));
    }
    out.push("");
  }

  out.push(summary(result, findings, lang, paint));
  const { stats } = result;
  out.push(
    paint(
      "dim",
      ja
        ? `${n(stats.files)} ファイル（${bytes(stats.bytes)}）を ${n(stats.durationMs)} ms で検査` +
            (stats.skipped.length ? `、${n(stats.skipped.length)} ファイルをスキップ` : "")
        : `Scanned ${n(stats.files)} ${stats.files === 1 ? "file" : "files"} (${bytes(stats.bytes)}) in ${n(stats.durationMs)} ms` +
            (stats.skipped.length ? `; skipped ${n(stats.skipped.length)}` : ""),
    ),
  );
  for (const s of stats.skipped.slice(0, 5)) out.push(paint("dim", `  ${escapeControl(s.path)}: ${escapeControl(s.reason)}`));
  if (stats.skipped.length > 5) out.push(paint("dim", ja ? `  ほか ${stats.skipped.length - 5} 件` : `  … ${stats.skipped.length - 5} more`));

  if (findings.length === 0) return out.join("\n") + "\n";

  const impact = describeImpact(result.impact, lang);
  out.push("", paint("bold", ja ? "影響" : "Impact"), `  ${paint("bold", escapeControl(impact.headline))}`, ...impact.lines.map((l) => `  ${escapeControl(l)}`), "");
  out.push(...suppressHint(findings, lang, paint));
  return out.join("\n") + "\n";
}

type Paint = (style: Style, s: string) => string;

function safeFinding(f: Finding): Finding {
  return { ...f, path: escapeControl(f.path), ruleId: escapeControl(f.ruleId), redacted: escapeControl(f.redacted), fingerprint: escapeControl(f.fingerprint) };
}

function summary(result: ScanResult, findings: Finding[], lang: Language, paint: Paint): string {
  const ja = lang === "ja";
  if (findings.length === 0) return paint(["bold", "green"], ja ? "✔ 検出はありません" : "✔ No findings");
  const files = new Set(findings.map((f) => groupKey(f.path))).size;
  const bySeverity = SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([s, c]) => paint(SEVERITY_STYLE[s], `${SEVERITY_LABEL[lang][s]} ${n(c)}`));
  const byCategory = CATEGORY_ORDER.map((c) => [c, findings.filter((f) => f.category === c).length] as const)
    .filter(([, k]) => k > 0)
    .map(([c, k]) => `${CATEGORY_LABEL[lang][c]} ${n(k)}`);
  const head = ja
    ? `✖ ${n(files)} ファイルで ${n(findings.length)} 件を検出`
    : `✖ ${n(findings.length)} ${findings.length === 1 ? "finding" : "findings"} in ${n(files)} ${files === 1 ? "file" : "files"}`;
  return `${paint(["bold", "red"], head)} — ${bySeverity.join(" · ")} — ${byCategory.join(" · ")}`;
}

function suppressHint(findings: Finding[], lang: Language, paint: Paint): string[] {
  const ja = lang === "ja";
  const lines = ja
    ? [
        "意図して置いている値を抑止するには:",
        "  · その行のコメントに mamori:ignore <rule-id> を書く（前の行なら mamori:ignore-next-line <rule-id>）、または",
        "  · フィンガープリントを 1 行に 1 つ .mamoriignore に追加し、# の後に理由を書く（行がずれても有効）:",
      ]
    : [
        "To suppress a finding that is meant to be there:",
        "  · add a comment mamori:ignore <rule-id> on its line (mamori:ignore-next-line <rule-id> on the line before), or",
        "  · add its fingerprint to .mamoriignore, one per line, with a reason after # (it survives moved lines):",
      ];
  const fps = [...new Map(findings.map((f) => [f.fingerprint, f])).values()];
  for (const f of fps.slice(0, MAX_FINGERPRINTS)) {
    // Engine fingerprints already name the rule (and the path); the comment adds what is missing.
    const note = f.fingerprint.includes(f.ruleId) ? location(f) : `${location(f)} ${f.ruleId}`;
    lines.push(`      ${f.fingerprint}  ${paint("dim", `# ${note}`)}`);
  }
  if (fps.length > MAX_FINGERPRINTS) {
    const more = fps.length - MAX_FINGERPRINTS;
    lines.push(ja ? `      ほか ${n(more)} 件（全件は --format json の fingerprint）` : `      … ${n(more)} more (all of them: fingerprint in --format json)`);
  }
  return lines;
}

/**
 * Findings of one file (or archive member, or worksheet) together, in path order; inside a
 * group by line and column. A workbook finding's path ends in its cell (`book.xlsx!Sheet1!C12`):
 * the cells of a sheet form one group, ordered by row rather than by the cell name.
 */
function groupByPath(sorted: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of sorted) {
    const key = groupKey(f.path);
    const g = groups.get(key);
    if (g) g.push(f);
    else groups.set(key, [f]);
  }
  const byPosition = (a: Finding, b: Finding) =>
    (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return [...groups.keys()].sort().map((k) => groups.get(k)!.sort(byPosition));
}

function groupKey(path: string): string {
  return path.replace(/![A-Z]{1,3}[0-9]+$/, "");
}

function truncate(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return out + "…";
}

function location(f: Finding): string {
  if (f.line === null) return f.path;
  return f.column === null ? `${f.path}:${f.line}` : `${f.path}:${f.line}:${f.column}`;
}

function n(x: number): string {
  return x.toLocaleString("en-US");
}

function bytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  if (b < 1024 ** 3) return `${(b / 1024 / 1024).toFixed(1)} MiB`;
  return `${(b / 1024 ** 3).toFixed(2)} GiB`;
}
