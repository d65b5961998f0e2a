import type { Impact } from "../impact/types.js";
import type { Language } from "./report-labels.js";

/**
 * The lines that open a check-run summary when the APPI requires a report to the PPC: the
 * triggers, the calendar deadlines (Japan time) and how to get the draft report. Empty otherwise.
 */
export function ppcNotice(impact: Impact, language: Language): string[] {
  if (!impact.appi.reportRequired) return [];
  const ja = language === "ja";
  const d = impact.appi.dates;
  const since = d ? ` --known-since ${d.known}` : "";
  const lines = [
    ja
      ? "> **個人情報保護委員会への報告と本人への通知が必要です**（検出内容による判定）。"
      : "> **A report to the PPC and notice to the persons are required** (by what was found).",
  ];
  if (d) {
    lines.push(
      ja
        ? `> 速報: ${d.preliminary.from}〜${d.preliminary.to} ごろ（速やかに） · 確報: **${d.final}** まで（不正の目的のおそれがある場合は ${d.finalUnlawfulIntent} まで） · 知った日（1日目）: ${d.known}（日本時間、このチェックが検出した日）`
        : `> Preliminary report: around ${d.preliminary.from} – ${d.preliminary.to} (promptly) · Final report: by **${d.final}** (by ${d.finalUnlawfulIntent} with unlawful intent) · Known on (day 1): ${d.known} (Japan time, the day this check found it)`,
    );
  }
  lines.push(
    ja
      ? `> 報告書の下書き: リポジトリのクローンで \`mamori scan . --format ppc --lang ja${since}\` を実行してください（検出値は含まれません）。`
      : `> Draft report: run \`mamori scan . --format ppc --lang en${since}\` on a clone of the repository (no detected value is included).`,
  );
  return lines;
}
