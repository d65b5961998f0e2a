import type { Config } from "../config/config-schema.js";
import type { Finding } from "../engine/types.js";
import type { Impact } from "../impact/types.js";
import type { Confidence, Rule, Severity } from "../rules/rule-schema.js";
import { describeImpact } from "../impact/describe-impact.js";
import { SEVERITY_LABEL, SEVERITY_ORDER, type Language } from "./report-labels.js";
import { ppcNotice } from "./ppc-notice.js";
import { isIncompleteSkip } from "../scan/is-incomplete-skip.js";
import { escapeControl } from "./escape-control.js";
import { splitArchivePath } from "./split-archive-path.js";
import { describeColumn } from "./describe-column.js";
import { KIND_LABEL } from "../impact/describe-impact.js";

/** A finding as the app reports it: possibly removed by a later commit but still in the history. */
export interface CheckRunFinding extends Finding {
  /** The commit that removed the value again (it is still in the branch history). */
  removedIn?: string;
}

export interface CheckRunInput {
  findings: CheckRunFinding[];
  impact: Impact;
  stats: { files: number; bytes: number; skipped: { path: string; reason: string }[]; durationMs: number };
  config: Pick<Config, "language" | "failOn"> & Partial<Pick<Config, "failOnConfidence">> & { pii?: Pick<Config["pii"], "failOnPersons">; scan?: Partial<Pick<Config["scan"], "incomplete">> };
  rulesById?: ReadonlyMap<string, Rule>;
  scope: {
    kind: "pull_request" | "push";
    /** Number of commits scanned. */
    commits: number;
    /** A push to the default branch: the data is already there, the summary carries incident steps. */
    defaultBranch: boolean;
  };
  /** Extra lines for the end of the summary (e.g. settings an organisation lock replaced). */
  notes?: string[];
  /** Most annotations to send (each 50 cost one request); failing ones first. Default: all. */
  maxAnnotations?: number;
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckRunReport {
  conclusion: "success" | "neutral" | "failure";
  /** Number of findings reported (annotations may be fewer: `maxAnnotations`). */
  findings: number;
  title: string;
  summary: string;
  annotations: CheckRunAnnotation[];
}

const RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
/** GitHub's limit for `output.summary` (characters); counted in UTF-8 bytes here to be safe. */
export const SUMMARY_LIMIT = 65535;
const SUMMARY_BUDGET = SUMMARY_LIMIT - 2000;

/**
 * The Check Run output of a finished scan: conclusion by `failOn`, a title with counts, a
 * Markdown summary (findings grouped by file with rule, severity, redacted preview and how to
 * fix or suppress; the impact block; incident steps after a push), and one annotation per
 * finding on its line. Only redacted previews appear anywhere.
 */
export function formatCheckRun(input: CheckRunInput): CheckRunReport {
  const lang = input.config.language;
  const ja = lang === "ja";
  const t = (en: string, jaText: string) => (ja ? jaText : en);
  const failOn = input.config.failOn;
  const findings = [...input.findings].sort(
    (a, b) => cmp(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || cmp(a.ruleId, b.ruleId),
  );
  const personsLimit = input.config.pii?.failOnPersons ?? 0;
  const tooManyPersons = personsLimit > 0 && input.impact.persons >= personsLimit;
  const reportRequired = input.impact.appi.reportRequired;
  // Below `failOnConfidence` (default: low-confidence credentials, weak values) a finding is a notice, never a failure.
  const minFailConfidence = CONFIDENCE_RANK[input.config.failOnConfidence ?? "medium"];
  const sure = (f: CheckRunFinding) => f.category !== "secret" || CONFIDENCE_RANK[f.confidence] >= minFailConfidence;
  const failsFinding = (f: CheckRunFinding) => (sure(f) && RANK[f.severity] >= RANK[failOn]) || (f.category === "pii" && (tooManyPersons || reportRequired));
  const unsure = findings.filter((f) => !sure(f)).length;
  const failing = findings.filter(failsFinding);
  // Files left unread (not media or links) make the scan incomplete: a failure unless accepted.
  const unread = input.stats.skipped.filter(isIncompleteSkip);
  const failIncomplete = unread.length > 0 && (input.config.scan?.incomplete ?? "fail") === "fail";
  const conclusion = failing.length > 0 || failIncomplete ? "failure" : findings.length > 0 ? "neutral" : "success";
  const files = new Set(findings.map((f) => f.path));
  const counts = SEVERITY_ORDER.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, c]) => c > 0);
  const persons = input.impact.persons;

  const incompleteTitle = t(`Incomplete scan: ${n(unread.length)} ${plural(unread.length, "file")} could not be read`, `不完全な検査: ${n(unread.length)} ファイルを読めませんでした`);
  const findingsTitle =
    findings.length === 0
      ? t(`No findings in ${n(input.stats.files)} ${plural(input.stats.files, "file")}`, `検出なし（${n(input.stats.files)} ファイル）`)
      : t(
          `${n(findings.length)} ${plural(findings.length, "finding")} (${counts.map(([s, c]) => `${c} ${s}`).join(", ")}) in ${n(files.size)} ${plural(files.size, "file")}` +
            (persons > 0 ? ` · ${n(persons)} ${plural(persons, "person")}` : ""),
          `${n(findings.length)} 件を検出（${counts.map(([s, c]) => `${SEVERITY_LABEL.ja[s]} ${c}`).join("・")}）・${n(files.size)} ファイル` +
            (persons > 0 ? `・本人 ${n(persons)} 人` : ""),
        );

  const title = failIncomplete ? (findings.length === 0 ? incompleteTitle : `${incompleteTitle} · ${findingsTitle}`) : findingsTitle;

  const head: string[] = [];
  if (failIncomplete && failing.length === 0) {
    head.push(
      t(
        `## ✖ Incomplete scan: ${n(unread.length)} ${plural(unread.length, "file")} could not be read: this check fails`,
        `## ✖ 不完全な検査: ${n(unread.length)} ファイルを読めませんでした: このチェックは失敗です`,
      ),
      t(
        "Mamori cannot say these files are clean. Fix or remove them (see the skipped list below), or accept incomplete scans with `scan.incomplete: pass` in `.github/mamori.yml`.",
        "これらのファイルが安全かどうか判定できません。下のスキップ一覧のファイルを修正・削除するか、`.github/mamori.yml` の `scan.incomplete: pass` で不完全な検査を許可してください。",
      ),
    );
  } else if (conclusion === "success") {
    head.push(t("## ✔ No credentials or personal data found", "## ✔ 認証情報・個人情報は見つかりませんでした"));
  } else if (conclusion === "failure" && failing.every((f) => RANK[f.severity] < RANK[failOn])) {
    head.push(
      reportRequired
        ? t("## ✖ Personal data that must be reported to the PPC: this check fails", "## ✖ 個人情報保護委員会への報告対象となる個人情報: このチェックは失敗です")
        : t(
            `## ✖ Personal data of ${n(input.impact.persons)} persons (limit \`pii.failOnPersons: ${personsLimit}\`): this check fails`,
            `## ✖ 本人 ${n(input.impact.persons)} 人分の個人情報（上限 \`pii.failOnPersons: ${personsLimit}\`）: このチェックは失敗です`,
          ),
    );
  } else if (conclusion === "failure") {
    head.push(
      t(
        `## ✖ ${n(failing.length)} ${plural(failing.length, "finding")} at or above \`${failOn}\`: this check fails`,
        `## ✖ 重大度 \`${failOn}\` 以上の検出が ${n(failing.length)} 件: このチェックは失敗です`,
      ),
    );
  } else {
    head.push(
      t(
        `## ⚠ ${n(findings.length)} ${plural(findings.length, "finding")} below \`${failOn}\`: not failing, please review`,
        `## ⚠ 重大度 \`${failOn}\` 未満の検出が ${n(findings.length)} 件: 失敗ではありませんが確認してください`,
      ),
    );
  }
  const live = findings.filter((f) => f.verified === "live").length;
  const checked = findings.filter((f) => f.verified !== undefined).length;
  if (checked > 0) {
    // `verify: true`: what the providers said about the credentials found (the others: no verifier).
    const revoked = findings.filter((f) => f.verified === "revoked").length;
    const unknown = checked - live - revoked;
    head.push(
      "",
      t(
        `Live verification of ${n(checked)} ${plural(checked, "credential")}: ${n(live)} live · ${n(revoked)} revoked · ${n(unknown)} unknown (no answer, or the value could not be read back).`,
        `認証情報 ${n(checked)} 件の有効性確認: 有効 ${n(live)} · 失効済み ${n(revoked)} · 不明 ${n(unknown)}（応答なし、または値を読み戻せませんでした）。`,
      ),
    );
  }
  if (live > 0) {
    head.push(
      "",
      t(
        `**${n(live)} ${plural(live, "credential")} verified live**: the provider accepted ${live === 1 ? "it" : "them"}; revoke first.`,
        `**${n(live)} 件の認証情報が有効と確認されました**: プロバイダーが受け付けました。最優先で無効化してください。`,
      ),
    );
  }
  const notice = ppcNotice(input.impact, lang);
  if (notice.length > 0) head.push("", ...notice, "");
  if (unsure > 0) {
    head.push(
      t(
        `${n(unsure)} low-confidence ${plural(unsure, "finding")} (weak values, test or example code) ${unsure === 1 ? "is a notice" : "are notices"} and do not fail the check (\`failOnConfidence\`).`,
        `確度の低い検出 ${n(unsure)} 件（弱い値、テスト・サンプルコード）は通知のみで、チェックを失敗させません（\`failOnConfidence\`）。`,
      ),
    );
  }
  const s = input.stats;
  head.push(
    t(
      `Scanned what ${n(input.scope.commits)} ${plural(input.scope.commits, "commit")} added: ${n(s.files)} ${plural(s.files, "file")}, ${bytes(s.bytes)}, ${n(s.durationMs)} ms.`,
      `${n(input.scope.commits)} 件のコミットが追加した内容を検査しました: ${n(s.files)} ファイル、${bytes(s.bytes)}、${n(s.durationMs)} ms。`,
    ),
  );
  if (s.skipped.length > 0) {
    head.push(
      "",
      unread.length > 0
        ? t(
            `Skipped ${n(s.skipped.length)} ${plural(s.skipped.length, "file")} (${n(unread.length)} could not be read: the scan is incomplete${failIncomplete ? "" : ", accepted by `scan.incomplete: pass`"}):`,
            `スキップした ${n(s.skipped.length)} ファイル（うち ${n(unread.length)} ファイルは読めず、検査は不完全です${failIncomplete ? "" : "。`scan.incomplete: pass` により許可"}）:`,
          )
        : t(`Skipped ${n(s.skipped.length)} ${plural(s.skipped.length, "file")}:`, `スキップした ${n(s.skipped.length)} ファイル:`),
      ...s.skipped.slice(0, 10).map((x) => `- \`${code(x.path)}\`: ${md(x.reason)}`),
      ...(s.skipped.length > 10 ? [t(`- … ${s.skipped.length - 10} more`, `- ほか ${s.skipped.length - 10} 件`)] : []),
    );
  }
  if (findings.some((f) => f.removedIn)) {
    head.push(
      "",
      t(
        "> Some values were removed by a later commit but **are still in the branch history**: a merge commit would carry them into the default branch. Rewrite the history (interactive rebase / `git filter-repo`, then force-push) or squash-merge this pull request, and rotate any credential.",
        "> 後のコミットで削除された値も **ブランチの履歴には残っています**。マージコミットでデフォルトブランチに入ります。履歴を書き換える（interactive rebase や `git filter-repo` の後に force-push）か、スカッシュマージしてください。認証情報は必ず無効化・再発行してください。",
      ),
    );
  }

  const tail: string[] = [];
  if (findings.length > 0) {
    const impact = describeImpact(input.impact, lang);
    tail.push("", t("### Impact", "### 影響"), "", `**${md(impact.headline)}**`, "", ...impact.lines.map((l) => (l.startsWith("  ") ? `  - ${md(l.trim())}` : `- ${md(l)}`)));
    if (input.scope.kind === "push") tail.push("", ...incidentSteps(lang, input.scope.defaultBranch, input.impact));
    tail.push("", ...suppressHelp(lang, findings));
  }
  if (input.notes?.length) tail.push("", ...input.notes.map((x) => `> ${x}`));

  // Findings grouped by file, within what is left of the summary budget.
  const body: string[] = [];
  if (findings.length > 0) body.push("", t("### Findings", "### 検出"));
  let used = byteLength([...head, ...tail].join("\n")) + 400;
  let shown = 0;
  for (const group of groupByPath(findings)) {
    const lines = ["", `#### \`${code(group[0].path)}\``];
    let rows = 0;
    // Tables speak in columns: a table of the file's columns first, then the findings of single values.
    const columns = group.filter((f) => f.unit === "column");
    const values = group.filter((f) => f.unit !== "column");
    group.splice(0, group.length, ...columns, ...values);
    const heads = [
      ["", t("| Column | Kind | Cells | Rows | Severity | Rule | Sample | Note |", "| 列 | 種類 | 件数 | 行 | 重大度 | ルール | 例 | 備考 |"), "|---|---|---|---|---|---|---|---|"],
      ["", t("| Line | Severity | Rule | Preview | Note |", "| 行 | 重大度 | ルール | プレビュー | 備考 |"), "|---|---|---|---|---|"],
    ];
    for (const f of group) {
      const column = f.unit === "column";
      const head = rows === 0 || (!column && rows === columns.length) ? heads[column ? 0 : 1] : [];
      const row = column
        ? `| ${md(f.key ?? "")} | ${md(KIND_LABEL[lang][f.kind] ?? f.kind)} | ${n(f.count ?? 1)} | ${rowRange(f)} | ${SEVERITY_LABEL[lang][f.severity]} | ${md(ruleLabel(f, input.rulesById, lang))} | \`${code(f.redacted)}\` | ${md(note(f, lang))} |`
        : `| ${f.line ?? "–"} | ${SEVERITY_LABEL[lang][f.severity]} | ${md(ruleLabel(f, input.rulesById, lang))} | \`${code(f.redacted)}\` | ${md(note(f, lang))} |`;
      const cost = byteLength(row) + 1 + byteLength(head.join("\n")) + (rows === 0 ? byteLength(lines.join("\n")) : 0);
      if (used + cost > SUMMARY_BUDGET) break;
      lines.push(...head, row);
      used += cost;
      rows++;
    }
    if (rows === 0) break;
    shown += rows;
    const fixes = [...new Set(group.slice(0, rows).map((f) => f.ruleId))]
      .map((id) => input.rulesById?.get(id))
      .filter((r): r is Rule => r !== undefined)
      .map((r) => `- **${md(r.title[lang])}**: ${md(r.remediation[lang])}`);
    const fixText = fixes.length ? ["", t("How to fix:", "対処方法:"), ...fixes] : [];
    const fixCost = byteLength(fixText.join("\n"));
    if (used + fixCost <= SUMMARY_BUDGET) {
      lines.push(...fixText);
      used += fixCost;
    }
    body.push(...lines);
    if (rows < group.length) break;
  }
  if (shown < findings.length) {
    body.push(
      "",
      t(
        `… ${n(findings.length - shown)} more ${plural(findings.length - shown, "finding")} not listed here (summary size limit): every one is an annotation on its line.`,
        `… ほか ${n(findings.length - shown)} 件はここに載せきれません（サマリーの上限）。すべて該当行の注釈にあります。`,
      ),
    );
  }

  let annotations = findings.map((f) => annotation(f, input, lang, failsFinding(f), !sure(f)));
  const max = input.maxAnnotations ?? Number.POSITIVE_INFINITY;
  if (annotations.length > max) {
    const order = { failure: 0, warning: 1, notice: 2 } as const;
    annotations = [...annotations].sort((a, b) => order[a.annotation_level] - order[b.annotation_level]).slice(0, max);
    tail.push(
      "",
      t(
        `> ${n(findings.length)} findings, ${n(max)} annotations (the most severe first; MAMORI_MAX_ANNOTATIONS). Run \`mamori scan\` on a clone for the full list.`,
        `> 検出 ${n(findings.length)} 件のうち注釈は ${n(max)} 件です（重大なものから、MAMORI_MAX_ANNOTATIONS）。全件はクローンで \`mamori scan\` を実行してください。`,
      ),
    );
  }
  let summary = [...head, ...body, ...tail].join("\n");
  if (byteLength(summary) > SUMMARY_LIMIT) summary = truncateBytes(summary, SUMMARY_LIMIT - 10) + "\n…";

  return { conclusion, findings: findings.length, title, summary, annotations };
}

/** The output of a check that could not finish: what went wrong and how to re-run. Always a failure. */
export function formatCheckRunFailure(kind: "config" | "error", message: string, language: Language): CheckRunReport {
  const ja = language === "ja";
  const title =
    kind === "config"
      ? ja
        ? "設定ファイルが不正です"
        : "Invalid Mamori configuration"
      : ja
        ? "検査を完了できませんでした（安全側で失敗）"
        : "Scan could not finish (failing closed)";
  const rerun = ja
    ? "修正後、このチェックの **Re-run** を押すか、ブランチに新しいコミットを push すると再検査します。"
    : "After fixing it, press **Re-run** on this check (or push a new commit) to scan again.";
  const why =
    kind === "config"
      ? ja
        ? "設定を読めないため、検査結果を信頼できません。設定はデフォルトブランチのものが使われます。"
        : "Mamori cannot trust a scan run with a configuration it cannot read. The configuration is read from the default branch."
      : ja
        ? "一部の内容を取得・検査できなかったため、見逃しを避けて失敗にしています。一時的な GitHub の障害なら再実行で解消します。"
        : "Part of the change could not be fetched or scanned, so Mamori fails instead of reporting a possibly incomplete result. A transient GitHub error goes away on a re-run.";
  const summary = truncateBytes(["## ✖ " + title, "", why, "", "```text", escapeControl(message, { keepNewlines: true }).replace(/```/g, "'''"), "```", "", rerun].join("\n"), SUMMARY_LIMIT - 10);
  return { conclusion: "failure", findings: 0, title, summary, annotations: [] };
}

function annotation(f: CheckRunFinding, input: CheckRunInput, lang: Language, failing: boolean, unsure = false): CheckRunAnnotation {
  const { file, member } = splitArchivePath(f.path);
  const line = f.line ?? 1;
  const endLine = f.endLine ?? line;
  const level = failing ? "failure" : !unsure && RANK[f.severity] >= RANK.medium ? "warning" : "notice";
  const rule = input.rulesById?.get(f.ruleId);
  const ja = lang === "ja";
  const column = f.unit === "column";
  const parts = [
    column ? `${ruleLabel(f, input.rulesById, lang)}: ${describeColumn(f, lang)}; ${ja ? "例" : "sample"}: ${f.redacted}` : `${ruleLabel(f, input.rulesById, lang)}: ${f.redacted}`,
    ...(f.category === "secret" ? [confidenceNote(f, lang)] : []),
    ...(member ? [ja ? `アーカイブ内のファイル: ${member}` : `inside the archive: ${member}`] : []),
    ...(f.removedIn || f.verified ? [note(f, lang)] : []),
    ...(rule ? [(ja ? "対処: " : "Fix: ") + rule.remediation[lang]] : []),
    column
      ? ja
        ? `意図したデータなら: この列の fingerprint ${f.fingerprint} を .github/mamori.yml の allow に理由付きで追加`
        : `If this column is meant to be there: add fingerprint ${f.fingerprint} (this column) with a reason under allow in .github/mamori.yml`
      : ja
        ? `意図した値なら: 行に mamori:ignore ${f.ruleId} と書くか、fingerprint ${f.fingerprint} を .github/mamori.yml の allow に理由付きで追加`
        : `If it is meant to be there: comment mamori:ignore ${f.ruleId} on the line, or add fingerprint ${f.fingerprint} with a reason under allow in .github/mamori.yml`,
  ];
  const out: CheckRunAnnotation = {
    path: file,
    start_line: line,
    end_line: Math.max(line, endLine),
    annotation_level: level,
    title: escapeControl(`${SEVERITY_LABEL[lang][f.severity]} · ${f.ruleId}`).slice(0, 255),
    message: parts.map((p) => escapeControl(p)).join("\n"),
    raw_details: [`rule: ${f.ruleId}`, `kind: ${f.kind}`, `fingerprint: ${f.fingerprint}`, ...(f.commit ? [`commit: ${f.commit}`] : []), ...(f.key ? [`field: ${f.key}`] : []), ...(column ? [`cells: ${f.count ?? 1}`, `rows: ${rowRange(f)}`, `sample rows: ${(f.sampleLines ?? []).join(", ")}`] : [])]
      .map((d) => escapeControl(d))
      .join("\n"),
  };
  if (column) out.end_line = line; // one annotation on the column's first row
  if (f.line !== null && endLine === line && f.column !== null) {
    out.start_column = f.column;
    out.end_column = Math.max(f.column, f.endColumn ?? f.column);
  }
  return out;
}

function incidentSteps(lang: Language, defaultBranch: boolean, impact: Impact): string[] {
  const ja = lang === "ja";
  const out = [
    ja ? "### インシデント対応の手順" : "### Incident steps",
    "",
    defaultBranch
      ? ja
        ? "この push はすでにデフォルトブランチに入っています。リポジトリを読める人は誰でも見られる状態です。"
        : "This push is already on the default branch: anyone who can read the repository can see it."
      : ja
        ? "この push はすでに GitHub 上にあります。リポジトリを読める人は誰でも見られる状態です。"
        : "This push is already on GitHub: anyone who can read the repository can see it.",
    "",
    ja
      ? "1. 認証情報はすべて漏えいしたものとして、今すぐ発行元で無効化・再発行する（コミットを消しても漏えいは取り消せません）。"
      : "1. Treat every credential above as compromised: revoke and rotate it at its provider now (deleting the commit does not undo the leak).",
    ja
      ? "2. 履歴から削除する: `git filter-repo` などで書き換えて force-push し、公開・フォーク済みなら GitHub Support にキャッシュとプルリクエスト参照の削除を依頼する。"
      : "2. Remove it from the history: rewrite with `git filter-repo` (or similar) and force-push; if the repository is public or forked, ask GitHub Support to purge cached views and pull-request refs.",
    ja
      ? "3. 個人情報はアクセスを制限して封じ込め、上の影響欄で評価する。報告が必要なら個人情報保護委員会へ速報（概ね 3〜5 日以内）と確報（30 日以内、不正目的なら 60 日以内）を行い、本人に通知する。"
      : "3. Personal data: contain it (restrict access), assess it with the impact block above; if a report is required, send the PPC a preliminary report (within about 3–5 days) and a final one (within 30 days, 60 for unlawful intent), and notify the persons.",
    ja
      ? "4. 経緯を記録する: いつ push されたか、誰がクローン・フォーク・閲覧できたか、どの鍵をいつ無効化したか。"
      : "4. Record what happened: when it was pushed, who could clone, fork or view it, which keys were revoked when.",
  ];
  if (impact.appi.reportRequired) {
    out.push("", ja ? "**この件は個人情報保護委員会への報告が必要と判断されます。**" : "**By what was found, this leak must be reported to the PPC.**");
  }
  return out;
}

function suppressHelp(lang: Language, findings: CheckRunFinding[]): string[] {
  const ja = lang === "ja";
  const fps = [...new Set(findings.map((f) => f.fingerprint))].slice(0, 5);
  return [
    ja ? "### 意図して置いている値の抑止" : "### Suppressing a value that is meant to be there",
    "",
    ja
      ? "行のコメントに `mamori:ignore <rule-id>` を書くか（前の行なら `mamori:ignore-next-line <rule-id>`）、デフォルトブランチの `.github/mamori.yml` にフィンガープリントを理由付きで追加します（レビューされる変更として）:"
      : "Comment `mamori:ignore <rule-id>` on the line (`mamori:ignore-next-line <rule-id>` on the line before), or accept its fingerprint with a reason in `.github/mamori.yml` on the default branch, reviewed like any change:",
    "",
    "```yaml",
    "allow:",
    ...fps.flatMap((fp) => [`  - fingerprint: ${escapeControl(fp)}`, `    reason: "${ja ? "テスト用のダミー値" : "test fixture, not a live value"}"`]),
    "```",
  ];
}

function note(f: CheckRunFinding, lang: Language): string {
  const live =
    f.verified === "live"
      ? lang === "ja" ? "有効（プロバイダーが受け付けました）" : "live (the provider accepted it)"
      : f.verified === "revoked"
        ? lang === "ja" ? "失効済み（プロバイダーが拒否しました）" : "revoked (the provider refused it)"
        : f.verified === "unknown"
          ? lang === "ja" ? "有効性は不明" : "verification unknown"
          : "";
  if (!f.removedIn) return live;
  if (live) return `${live}; ${note({ ...f, verified: undefined }, lang)}`;
  const sha = f.removedIn.slice(0, 7);
  return lang === "ja"
    ? `${sha} で削除済みだが履歴に残っている: 履歴を書き換えるかスカッシュマージしてください`
    : `removed in ${sha}, still in history: rewrite the history or squash-merge`;
}

/** "Confidence: low (weak-value, test)": how sure the finding is and why it was graded down. */
function confidenceNote(f: Finding, lang: Language): string {
  const why = f.tags.filter((t) => t === "test" || t === "example" || t === "weak-value");
  return (lang === "ja" ? "確度: " : "Confidence: ") + f.confidence + (why.length ? ` (${why.join(", ")})` : "");
}

function ruleLabel(f: Finding, rulesById: ReadonlyMap<string, Rule> | undefined, lang: Language): string {
  const rule = rulesById?.get(f.ruleId);
  return rule ? `${rule.title[lang]} (${f.ruleId})` : f.ruleId;
}

function groupByPath(sorted: CheckRunFinding[]): CheckRunFinding[][] {
  const groups: CheckRunFinding[][] = [];
  for (const f of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0].path === f.path) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

/** Text inside a Markdown table cell: line breaks become spaces, other control characters escapes. */
function md(s: string): string {
  return escapeControl(s.replace(/\r?\n/g, " ")).replace(/\|/g, "\\|");
}

/** Untrusted text (a path, a preview) inside inline code in a table cell: no backticks, no pipes, control characters escaped. */
function code(s: string): string {
  return escapeControl(s).replace(/`/g, "'").replace(/\|/g, "¦");
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function truncateBytes(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  let out = Buffer.from(s, "utf8").subarray(0, max).toString("utf8");
  if (out.endsWith("\uFFFD")) out = out.slice(0, -1);
  return out;
}

/** "2–101" (first and last row of a column finding). */
function rowRange(f: CheckRunFinding): string {
  const first = f.firstLine ?? f.line;
  const last = f.lastLine ?? first;
  if (first === null) return "–";
  return first === last ? n(first) : `${n(first)}–${n(last!)}`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

function n(x: number): string {
  return x.toLocaleString("en-US");
}

function bytes(b: number): string {
  if (b < 1024) return `${b} B`;
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${(b / 1024 / 1024).toFixed(1)} MiB`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
