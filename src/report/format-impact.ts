import type { Impact } from "../impact/types.js";
import type { Language } from "./report-labels.js";

const KIND_JA: Record<string, string> = {
  name: "氏名",
  "name-kana": "氏名（カナ）",
  address: "住所",
  "postal-code": "郵便番号",
  phone: "電話番号",
  email: "メールアドレス",
  birthdate: "生年月日",
  "date-of-birth": "生年月日",
  "my-number": "マイナンバー",
  "credit-card": "クレジットカード番号",
  "bank-account": "銀行口座",
  passport: "旅券番号",
  "drivers-license": "運転免許証番号",
  "health-insurance": "健康保険証番号",
  "pension-number": "基礎年金番号",
  "residence-card": "在留カード番号",
  "ip-address": "IP アドレス",
};

const TRIGGER: Record<Language, Record<string, string>> = {
  en: {
    sensitive: "special-care personal information (要配慮個人情報)",
    financial: "data whose misuse can cause financial damage",
    "over-1000-persons": "more than 1,000 persons",
    "my-number-over-100": "My Number of more than 100 persons",
    "my-number-public": "My Number made public",
    "unlawful-intent": "possible unlawful intent",
  },
  ja: {
    sensitive: "要配慮個人情報を含む",
    financial: "財産的被害が生じるおそれのある情報を含む",
    "over-1000-persons": "本人の数が 1,000 人を超える",
    "my-number-over-100": "100 人を超えるマイナンバー",
    "my-number-public": "マイナンバーが公開状態",
    "unlawful-intent": "不正の目的によるおそれ",
  },
};

/**
 * The impact block as plain lines (no colour), in English or Japanese: persons and the files
 * they are in, kinds of data, whether the APPI requires a report to the PPC and why, the cost
 * estimate, and the number of credentials. Used by `toText` when src/impact has no
 * `describeImpact` of its own.
 */
export function formatImpact(impact: Impact, lang: Language): string {
  const ja = lang === "ja";
  const n = (x: number) => x.toLocaleString("en-US");
  const yesNo = (b: boolean) => (ja ? (b ? "あり" : "なし") : b ? "yes" : "no");
  const lines: string[] = [ja ? "影響" : "Impact"];

  const files = [...impact.files].sort((a, b) => b.persons - a.persons || (a.path < b.path ? -1 : 1));
  const shown = files.slice(0, 5).map((f) => `${f.path} ${n(f.persons)}`);
  if (files.length > 5) shown.push(ja ? `ほか ${files.length - 5} ファイル` : `${files.length - 5} more files`);
  const perFile = shown.length ? ` (${shown.join(", ")})` : "";
  lines.push(ja ? `  本人の数: ${n(impact.persons)} 人${perFile}` : `  Persons exposed: ${n(impact.persons)}${perFile}`);

  if (impact.kinds.length) {
    const kinds = impact.kinds.map((k) => (ja ? (KIND_JA[k] ?? k) : k));
    lines.push(ja ? `  情報の種類: ${kinds.join("、")}` : `  Kinds of data: ${kinds.join(", ")}`);
  }
  lines.push(
    ja
      ? `  要配慮個人情報: ${yesNo(impact.sensitive)} · 財産的被害のおそれ: ${yesNo(impact.financial)} · マイナンバー: ${yesNo(impact.myNumber)}`
      : `  Special-care data: ${yesNo(impact.sensitive)} · Financial data: ${yesNo(impact.financial)} · My Number: ${yesNo(impact.myNumber)}`,
  );

  const triggers = impact.appi.triggers.map((t) => TRIGGER[lang][t] ?? t);
  if (impact.appi.reportRequired) {
    const why = triggers.length ? (ja ? `（${triggers.join("、")}）` : ` (${triggers.join("; ")})`) : "";
    lines.push(ja ? `  個人情報保護委員会への報告: 必要${why}` : `  Report to the PPC (APPI): required${why}`);
    const d = impact.appi.deadlines;
    if (d) lines.push(ja ? `    速報: ${d.preliminary} · 確報: ${d.final}` : `    preliminary: ${d.preliminary} · final: ${d.final}`);
  } else {
    lines.push(ja ? "  個人情報保護委員会への報告: 不要（検出内容から判断する限り）" : "  Report to the PPC (APPI): not required by what was found");
  }

  const e = impact.estimate;
  if (e.high > 0) {
    const range = e.low === e.high ? `¥${n(e.low)}` : `¥${n(e.low)} – ¥${n(e.high)}`;
    const basis = e.basis ? ` (${e.basis})` : "";
    lines.push(ja ? `  想定される費用: ${range}${basis}` : `  Estimated cost: ${range}${basis}`);
  }
  lines.push(ja ? `  認証情報: ${n(impact.secrets)} 件` : `  Credentials: ${n(impact.secrets)}`);
  return lines.join("\n");
}
