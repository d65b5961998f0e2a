import type { Finding } from "../engine/types.js";
import { describeImpact, KIND_LABEL, STEP_LABEL, TRIGGER_LABEL } from "../impact/describe-impact.js";
import type { Impact } from "../impact/types.js";
import type { Rule, Severity } from "../rules/rule-schema.js";
import type { ScanResult } from "../scan/scan-files.js";
import { CATEGORY_LABEL, SEVERITY_LABEL, SEVERITY_ORDER, type Language } from "./report-labels.js";
import { sortFindings } from "./sort-findings.js";
import { describeColumn } from "./describe-column.js";

/**
 * One block of the report. The HTML report is a list of sections (impact, charts, then any the
 * caller adds, then the findings table): a later section, such as a draft of the report to the
 * PPC, is one more `HtmlSection` passed in `extraSections`, not a change to this file.
 * `html` must already be escaped (use `escapeHtml`).
 */
export interface HtmlSection {
  id: string;
  title: string;
  html: string;
}

export interface HtmlOptions {
  language: Language;
  toolVersion: string;
  /** Titles of the rules; without it a finding shows its rule id only. */
  rulesById?: Map<string, Rule>;
  /** What was scanned (a folder name, a range), shown in the header. */
  target?: string;
  /** When the report was made (shown as given). */
  generatedAt?: string;
  /** Sections placed after the charts and before the findings table. */
  extraSections?: HtmlSection[];
  /** Rows in the findings table before the rest is only counted (the JSON report has them all). */
  maxRows?: number;
}

/** Severity colours: the charts, the table's badges and the screenshot test use the same ones. */
export const SEVERITY_COLOR: Record<Severity, string> = { critical: "#7b1fa2", high: "#d32f2f", medium: "#f9a825", low: "#0288d1" };
/** Colour of the persons-by-file bars. */
export const PERSONS_COLOR = "#00897b";

const TEXT = {
  en: {
    title: "Mamori report", impact: "Impact", charts: "Charts", findings: "Findings", persons: "Persons exposed",
    credentials: "Credentials", kinds: "Kinds of personal data", none: "none", ppc: "Report to the PPC",
    required: "required", notRequired: "not required by what was found", deadlines: "Deadlines",
    deadlineText: "preliminary report promptly (about 3–5 days), final report within 30 days (60 days for leaks with unlawful intent)",
    cost: "Court-award band", damages: "Assumed damages (JNSA model, an estimate)",
    deadlineDates: (known: string, from: string, to: string, final: string, unlawful: string) =>
      `known ${known} (day 1, Japan time): preliminary report around ${from} – ${to}, final report by ${final} (by ${unlawful} with unlawful intent)`,
    draft: "Draft report to the PPC", steps: "Response steps (PPC guideline)", flags: "Special-care data · financial data · My Numbers",
    byKind: "Findings by kind and severity", byFile: "Persons by file", filter: "Filter", allSeverities: "All severities",
    allCategories: "All categories", allKinds: "All kinds", shown: "shown", location: "Location", severity: "Severity",
    rule: "Rule", kind: "Kind", preview: "Preview (redacted)", fingerprint: "Fingerprint", commit: "Commit",
    noFindings: "No findings.", noPersons: "No personal data found.", more: (n: string) => `${n} more findings are not listed here (all of them: --format json).`,
    stats: (files: string, bytes: string, ms: string) => `${files} files (${bytes}) scanned in ${ms} ms`, skipped: "Skipped files",
    generated: "Generated", privacy: "Every value in this report is masked: no whole secret or personal value is in this file.",
    yes: "yes", no: "no",
  },
  ja: {
    title: "Mamori レポート", impact: "影響", charts: "グラフ", findings: "検出結果", persons: "本人の数",
    credentials: "認証情報", kinds: "個人情報の種類", none: "なし", ppc: "個人情報保護委員会への報告",
    required: "必要", notRequired: "検出内容からは不要", deadlines: "期限",
    deadlineText: "速報は知った時から速やかに（おおむね3〜5日以内）、確報は30日以内（不正の目的によるおそれがある場合は60日以内）",
    cost: "裁判例による目安", damages: "想定損害賠償額（JNSA 算定式による推計）",
    deadlineDates: (known: string, from: string, to: string, final: string, unlawful: string) =>
      `${known} に知った日を1日目として（日本時間）: 速報 ${from}〜${to} ごろ、確報 ${final} まで（不正の目的のおそれがある場合は ${unlawful} まで）`,
    draft: "個人情報保護委員会への報告書（下書き）", steps: "対応手順（個人情報保護委員会ガイドライン）", flags: "要配慮個人情報 · 財産的被害のおそれ · マイナンバー",
    byKind: "種類と重大度ごとの検出数", byFile: "ファイルごとの本人の数", filter: "絞り込み", allSeverities: "すべての重大度",
    allCategories: "すべての区分", allKinds: "すべての種類", shown: "件を表示", location: "場所", severity: "重大度",
    rule: "ルール", kind: "種類", preview: "プレビュー（マスク済み）", fingerprint: "フィンガープリント", commit: "コミット",
    noFindings: "検出はありません。", noPersons: "個人情報は検出されませんでした。", more: (n: string) => `ほか ${n} 件は一覧にありません（全件は --format json）。`,
    stats: (files: string, bytes: string, ms: string) => `${files} ファイル（${bytes}）を ${ms} ms で検査`, skipped: "スキップしたファイル",
    generated: "作成日時", privacy: "このレポートの値はすべてマスクされています。秘密情報や個人情報の全体はこのファイルに含まれません。",
    yes: "あり", no: "なし",
  },
} as const;

/**
 * `mamori scan --format html`: one self-contained HTML file (inline CSS, inline SVG charts, a
 * small inline script for filtering; a Content-Security-Policy that forbids every network load)
 * that a security team can attach to an incident record. Top: the impact block (persons, kinds,
 * APPI assessment and deadlines, cost estimate, response steps); then charts (findings by kind
 * and severity, persons by file); then the findings table with redacted previews, filterable by
 * text, severity, category and kind. Only redacted previews appear, as in every report.
 */
export function toHtml(result: ScanResult, options: HtmlOptions): string {
  const lang = options.language;
  const t = TEXT[lang];
  const findings = sortFindings(result.findings);
  const sections: HtmlSection[] = [
    { id: "impact", title: t.impact, html: impactHtml(result.impact, lang) },
    { id: "charts", title: t.charts, html: chartsHtml(findings, result.impact, lang) },
    ...(options.extraSections ?? []),
    { id: "findings", title: t.findings, html: findingsHtml(findings, options) },
  ];
  const { stats } = result;
  const meta = [
    options.target ? `<code>${escapeHtml(options.target)}</code>` : "",
    escapeHtml(t.stats(n(stats.files), bytes(stats.bytes), n(stats.durationMs))),
    `Mamori ${escapeHtml(options.toolVersion)}`,
    options.generatedAt ? `${t.generated}: ${escapeHtml(options.generatedAt)}` : "",
  ].filter(Boolean);
  const skipped = stats.skipped.length
    ? `<details class="skipped"><summary>${t.skipped} (${n(stats.skipped.length)})</summary><ul>${stats.skipped
        .slice(0, 200)
        .map((s) => `<li><code>${escapeHtml(s.path)}</code>: ${escapeHtml(s.reason)}</li>`)
        .join("")}</ul></details>`
    : "";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Mamori ${escapeHtml(options.toolVersion)}">
<title>${t.title}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${t.title}</h1><p class="meta">${meta.join(" · ")}</p><p class="privacy">${t.privacy}</p>${skipped}</header>
<main>
${sections.map((s) => `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join("\n")}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The draft report to the PPC (Markdown from `toPpcDraft`) as a section of the HTML report, shown as written. */
export function ppcDraftSection(draft: string, language: Language): HtmlSection {
  return { id: "ppc-draft", title: TEXT[language].draft, html: `<pre class="ppc-draft">${escapeHtml(draft)}</pre>` };
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function impactHtml(impact: Impact, lang: Language): string {
  const t = TEXT[lang];
  const { headline } = describeImpact(impact, lang);
  const kinds = impact.kinds.map((k) => KIND_LABEL[lang][k] ?? k);
  const triggers = impact.appi.triggers.map((x) => TRIGGER_LABEL[lang][x] ?? x);
  const yes = (b: boolean) => (b ? t.yes : t.no);
  const e = impact.estimate;
  const cards = [
    card(t.persons, n(impact.persons), "persons"),
    card(t.credentials, n(impact.secrets), "credentials"),
    card(t.ppc, impact.appi.reportRequired ? t.required : t.notRequired, impact.appi.reportRequired ? "ppc required" : "ppc"),
    card(t.damages, impact.damages && impact.damages.total > 0 ? yen(impact.damages.total) : "—", "cost"),
  ].join("");
  const rows: string[] = [
    row(t.kinds, kinds.length ? escapeHtml(kinds.join(lang === "ja" ? "、" : ", ")) : t.none),
    row(t.flags, [impact.sensitive, impact.financial, impact.myNumber].map(yes).join(" · ")),
  ];
  if (impact.appi.reportRequired) {
    rows.push(row(t.ppc, `${t.required}: ${escapeHtml(triggers.join(lang === "ja" ? "、" : "; "))}`));
    const d = impact.appi.dates;
    rows.push(row(t.deadlines, escapeHtml(d ? t.deadlineDates(d.known, d.preliminary.from, d.preliminary.to, d.final, d.finalUnlawfulIntent) : t.deadlineText)));
  }
  const dm = impact.damages;
  if (dm && dm.classes.length > 0) {
    const label = (kinds: string[]) => [...kinds].sort((a, b) => impact.kinds.indexOf(a) - impact.kinds.indexOf(b)).map((k) => KIND_LABEL[lang][k] ?? k).join(lang === "ja" ? "、" : ", ");
    const items = dm.classes
      .slice(0, 10)
      .map((c) => `<li>${escapeHtml(label(c.kinds))}: ${n(c.persons)} × ${yen(c.perPerson)} = ${yen(c.total)}</li>`)
      .join("");
    rows.push(row(t.damages, `<strong>${yen(dm.total)}</strong> <small>${escapeHtml(dm.basis)}</small><ul class="classes">${items}</ul>`));
  }
  if (impact.persons > 0) rows.push(row(t.cost, `${yen(e.low)} – ${yen(e.high)}${lang === "en" ? ` <small>(${escapeHtml(e.basis)})</small>` : ""}`));
  const steps = impact.steps?.length
    ? `<h3>${t.steps}</h3><ol class="steps">${impact.steps.map((s) => `<li>${escapeHtml(STEP_LABEL[lang][s])}</li>`).join("")}</ol>`
    : "";
  return `<p class="headline">${escapeHtml(headline)}</p><div class="cards">${cards}</div><table class="facts"><tbody>${rows.join("")}</tbody></table>${steps}`;
}

function card(label: string, value: string, cls: string): string {
  return `<div class="card ${cls}"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div></div>`;
}

function row(label: string, html: string): string {
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${html}</td></tr>`;
}

function chartsHtml(findings: Finding[], impact: Impact, lang: Language): string {
  const t = TEXT[lang];
  // Findings by kind, one bar per kind stacked by severity.
  const byKind = new Map<string, Record<Severity, number>>();
  for (const f of findings) {
    const c = byKind.get(f.kind) ?? { critical: 0, high: 0, medium: 0, low: 0 };
    c[f.severity]++;
    byKind.set(f.kind, c);
  }
  const kinds = [...byKind.entries()]
    .map(([kind, c]) => ({ kind, c, total: SEVERITY_ORDER.reduce((s, v) => s + c[v], 0) }))
    .sort((a, b) => b.total - a.total || (a.kind < b.kind ? -1 : 1))
    .slice(0, 15);
  const kindChart = kinds.length
    ? barChart(
        t.byKind,
        "chart-kinds",
        kinds.map((k) => ({
          label: KIND_LABEL[lang][k.kind] ?? k.kind,
          key: k.kind,
          segments: SEVERITY_ORDER.filter((s) => k.c[s] > 0).map((s) => ({ value: k.c[s], color: SEVERITY_COLOR[s], title: `${SEVERITY_LABEL[lang][s]} ${n(k.c[s])}` })),
        })),
      ) +
      `<p class="legend">${SEVERITY_ORDER.map((s) => `<span><i style="background:${SEVERITY_COLOR[s]}"></i>${SEVERITY_LABEL[lang][s]}</span>`).join("")}</p>`
    : `<p>${t.noFindings}</p>`;
  const files = [...impact.files].sort((a, b) => b.persons - a.persons || (a.path < b.path ? -1 : 1)).slice(0, 15);
  const fileChart = files.length
    ? barChart(
        t.byFile,
        "chart-persons",
        files.map((f) => ({ label: f.path, key: "", segments: [{ value: f.persons, color: PERSONS_COLOR, title: n(f.persons) }] })),
      )
    : `<p>${t.noPersons}</p>`;
  return `<div class="charts"><figure><figcaption>${t.byKind}</figcaption>${kindChart}</figure><figure><figcaption>${t.byFile}</figcaption>${fileChart}</figure></div>`;
}

interface Bar {
  label: string;
  /** Kind to filter the table by when the bar is clicked ("" for none). */
  key: string;
  segments: { value: number; color: string; title: string }[];
}

/** A horizontal bar chart as inline SVG: a label column, stacked bars, the total after each bar. */
function barChart(title: string, id: string, bars: Bar[]): string {
  const width = 560;
  const labelWidth = 190;
  const barHeight = 22;
  const gap = 8;
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((s, x) => s + x.value, 0)));
  const span = width - labelWidth - 60;
  const height = bars.length * (barHeight + gap) + gap;
  const rows = bars.map((b, i) => {
    const y = gap + i * (barHeight + gap);
    let x = labelWidth;
    const total = b.segments.reduce((s, v) => s + v.value, 0);
    const rects = b.segments
      .map((s) => {
        const w = Math.max(2, Math.round((s.value / max) * span));
        const r = `<rect x="${x}" y="${y}" width="${w}" height="${barHeight}" fill="${s.color}"><title>${escapeHtml(s.title)}</title></rect>`;
        x += w;
        return r;
      })
      .join("");
    const label = b.label.length > 28 ? `…${b.label.slice(-27)}` : b.label;
    const attrs = b.key ? ` class="bar" data-kind="${escapeHtml(b.key)}" tabindex="0"` : ` class="bar"`;
    return `<g${attrs}><text x="${labelWidth - 8}" y="${y + barHeight / 2}" text-anchor="end" dominant-baseline="central"><title>${escapeHtml(b.label)}</title>${escapeHtml(label)}</text>${rects}<text x="${x + 6}" y="${y + barHeight / 2}" dominant-baseline="central" class="total">${n(total)}</text></g>`;
  });
  return `<svg id="${id}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join("")}</svg>`;
}

function findingsHtml(findings: Finding[], options: HtmlOptions): string {
  const lang = options.language;
  const t = TEXT[lang];
  if (findings.length === 0) return `<p>${t.noFindings}</p>`;
  const max = Math.max(1, options.maxRows ?? 10_000);
  const listed = findings.slice(0, max);
  const kinds = [...new Set(findings.map((f) => f.kind))].sort();
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const controls = `<div class="filters" role="search">
<label>${t.filter} <input id="filter-text" type="search" autocomplete="off"></label>
<select id="filter-severity" aria-label="${t.severity}">${option("", t.allSeverities)}${SEVERITY_ORDER.map((s) => option(s, SEVERITY_LABEL[lang][s])).join("")}</select>
<select id="filter-category" aria-label="${t.findings}">${option("", t.allCategories)}${(["secret", "pii"] as const).map((c) => option(c, CATEGORY_LABEL[lang][c])).join("")}</select>
<select id="filter-kind" aria-label="${t.kind}">${option("", t.allKinds)}${kinds.map((k) => option(k, KIND_LABEL[lang][k] ?? k)).join("")}</select>
<span><output id="filter-count">${n(listed.length)}</output> / ${n(listed.length)} ${t.shown}</span>
</div>`;
  const head = `<thead><tr><th>${t.location}</th><th>${t.severity}</th><th>${t.rule}</th><th>${t.kind}</th><th>${t.preview}</th><th>${t.fingerprint}</th></tr></thead>`;
  const body = listed
    .map((f) => {
      const title = options.rulesById?.get(f.ruleId)?.title[lang];
      const where = f.line === null ? f.path : f.column === null ? `${f.path}:${f.line}` : `${f.path}:${f.line}:${f.column}`;
      return `<tr data-severity="${f.severity}" data-category="${f.category}" data-kind="${escapeHtml(f.kind)}"><td><code>${escapeHtml(where)}</code>${f.commit ? ` <small>@${escapeHtml(f.commit.slice(0, 7))}</small>` : ""}</td><td><span class="sev" style="background:${SEVERITY_COLOR[f.severity]}">${SEVERITY_LABEL[lang][f.severity]}</span></td><td>${title ? `${escapeHtml(title)}<br>` : ""}<small>${escapeHtml(f.ruleId)}</small></td><td>${escapeHtml(KIND_LABEL[lang][f.kind] ?? f.kind)}</td><td>${f.unit === "column" ? `<small class="column">${escapeHtml(describeColumn(f, lang))}</small><br>` : ""}<code class="preview">${escapeHtml(f.redacted)}</code>${f.verified ? ` <small>${f.verified === "live" ? (lang === "ja" ? "有効" : "LIVE") : f.verified === "revoked" ? (lang === "ja" ? "失効済み" : "revoked") : lang === "ja" ? "未確認" : "unverified"}</small>` : ""}</td><td><code class="fp">${escapeHtml(f.fingerprint)}</code></td></tr>`;
    })
    .join("\n");
  const more = findings.length > listed.length ? `<p class="more">${escapeHtml(t.more(n(findings.length - listed.length)))}</p>` : "";
  return `${controls}<table id="findings-table" class="findings">${head}<tbody>\n${body}\n</tbody></table>${more}`;
}

function n(x: number): string {
  return x.toLocaleString("en-US");
}

function yen(x: number): string {
  return `¥${x.toLocaleString("en-US")}`;
}

function bytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${(b / 1024 / 1024).toFixed(1)} MiB`;
}

const CSS = `pre.ppc-draft{white-space:pre-wrap;background:#f6f8fa;border:1px solid #ddd;padding:12px;font-size:13px;max-height:40em;overflow:auto}ul.classes{margin:4px 0 0 1em;padding:0}
:root{font-family:system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP",sans-serif;color:#1f2328;background:#fff}
body{margin:0 auto;max-width:1200px;padding:16px 24px}
h1{font-size:1.6rem;margin:0 0 4px}h2{font-size:1.25rem;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:28px}
.meta,.privacy{color:#57606a;margin:2px 0;font-size:.9rem}
.headline{font-size:1.1rem;font-weight:600;background:#fff8c5;border-left:4px solid #d4a72c;padding:8px 12px}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:10px 14px;min-width:160px}
.card .label{font-size:.8rem;color:#57606a}.card .value{font-size:1.4rem;font-weight:700}
.card.required{border-color:#d32f2f}.card.required .value{color:#d32f2f}
table.facts th{text-align:left;padding:4px 12px 4px 0;vertical-align:top;color:#57606a;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:24px}figure{margin:0}figcaption{font-weight:600;margin-bottom:6px}
svg text{font-size:12px;fill:#1f2328}svg .total{fill:#57606a}svg .bar[data-kind]{cursor:pointer}
.legend span{margin-right:12px;font-size:.85rem}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}
table.findings{border-collapse:collapse;width:100%;font-size:.9rem}
table.findings th,table.findings td{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
table.findings thead th{background:#f6f8fa;position:sticky;top:0}
.sev{color:#fff;border-radius:3px;padding:1px 6px;font-size:.8rem;white-space:nowrap}
code.fp{font-size:.75rem;color:#57606a;word-break:break-all}
@media print{.filters{display:none}}
`;

const SCRIPT = `
(function () {
  var text = document.getElementById("filter-text");
  if (!text) return;
  var severity = document.getElementById("filter-severity");
  var category = document.getElementById("filter-category");
  var kind = document.getElementById("filter-kind");
  var count = document.getElementById("filter-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#findings-table tbody tr"));
  function apply() {
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = (!severity.value || tr.dataset.severity === severity.value) &&
        (!category.value || tr.dataset.category === category.value) &&
        (!kind.value || tr.dataset.kind === kind.value) &&
        (!q || tr.textContent.toLowerCase().indexOf(q) >= 0);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown.toLocaleString("en-US");
  }
  [text, severity, category, kind].forEach(function (el) { el.addEventListener("input", apply); el.addEventListener("change", apply); });
  Array.prototype.forEach.call(document.querySelectorAll("svg .bar[data-kind]"), function (bar) {
    function pick() { kind.value = kind.value === bar.dataset.kind ? "" : bar.dataset.kind; apply(); document.getElementById("findings").scrollIntoView(); }
    bar.addEventListener("click", pick);
    bar.addEventListener("keydown", function (e) { if (e.key === "Enter") pick(); });
  });
})();
`;
