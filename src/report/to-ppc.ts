import { KIND, STEP, TRIGGER } from "../impact/describe-impact.js";
import type { Impact } from "../impact/types.js";
import type { Language } from "./report-labels.js";

/** Where a leaked file came from: the commit that added it, its author and date (from git). */
export interface LeakSource {
  path: string;
  commit?: string;
  author?: string;
  /** ISO date of the commit. */
  date?: string;
}

export interface PpcDraftInput {
  impact: Impact;
  /** Files with personal data (paths only; no value ever reaches the draft). */
  files: readonly string[];
  stats: { files: number; skipped: readonly { path: string; reason: string }[] };
  /** Repository URL or owner/name (credentials already removed); unknown: a blank to fill in. */
  repository?: string;
  publicRepository: boolean;
  sources: readonly LeakSource[];
  generatedAt: Date;
  toolVersion: string;
}

const BLANK = { ja: "【要記入】", en: "[TO FILL IN]" } as const;
/** APPI enforcement rule article 7 items behind each trigger. */
const ARTICLE: Record<string, { ja: string; en: string }> = {
  sensitive: { ja: "規則第7条第1号", en: "Rule 7 (i)" },
  financial: { ja: "規則第7条第2号", en: "Rule 7 (ii)" },
  "over-1000-persons": { ja: "規則第7条第4号", en: "Rule 7 (iv)" },
  "my-number-over-100": { ja: "特定個人情報の漏えい等報告規則第2条第4号", en: "My Number leak rule 2 (iv)" },
  "my-number-public": { ja: "特定個人情報の漏えい等報告規則第2条第3号", en: "My Number leak rule 2 (iii)" },
};
const RISK: Record<Language, Record<string, string>> = {
  ja: {
    "credit-card": "クレジットカードの不正利用",
    "bank-account": "口座情報を用いた詐欺・不正な引き落とし",
    "my-number": "マイナンバー・本人確認書類番号を用いたなりすまし",
    email: "迷惑メール・フィッシングメール",
    phone: "迷惑電話・詐欺電話",
    address: "ダイレクトメール・訪問によるプライバシーの侵害",
    medical: "病歴等の要配慮個人情報の公開による差別・偏見、精神的苦痛",
  },
  en: {
    "credit-card": "fraudulent use of payment cards",
    "bank-account": "fraud or unauthorised debits using bank account data",
    "my-number": "impersonation using My Numbers or identity document numbers",
    email: "spam and phishing e-mail",
    phone: "nuisance and fraud calls",
    address: "direct mail or visits invading privacy",
    medical: "discrimination and distress from disclosed special-care data (medical history etc.)",
  },
};
const IDENTITY = new Set(["my-number", "passport", "drivers-license", "residence-card", "pension-number", "health-insurance"]);

const n = (x: number) => x.toLocaleString("en-US");
const yen = (x: number) => `¥${n(x)}`;
/** Markdown table cell: no pipes or line breaks from paths or names. */
const cell = (s: string) => s.replace(/[|\\`]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, " ");

/**
 * A draft of the report to the Personal Information Protection Commission (個人データの漏えい等
 * 報告, 速報/確報) as Markdown: the deadlines as calendar dates, then the items of 施行規則 第8条第1項
 * that a scan can fill (outline, items of personal data, number of persons, cause, secondary
 * damage risk, response to the persons, publication, measures against recurrence, other) with
 * what the scan knows; what it cannot know is a marked blank. Japanese first with an English
 * version after it (`language: "en"` puts English first). Only kinds, counts, paths, commits and
 * dates appear: never a detected value.
 */
export function toPpcDraft(input: PpcDraftInput, language: Language = "ja"): string {
  const order: Language[] = language === "en" ? ["en", "ja"] : ["ja", "en"];
  return order.map((l) => draft(input, l)).join("\n---\n\n");
}

function draft(input: PpcDraftInput, lang: Language): string {
  const ja = lang === "ja";
  const t = (en: string, jaText: string) => (ja ? jaText : en);
  const blank = BLANK[lang];
  const { impact } = input;
  const d = impact.appi.dates;
  const kinds = impact.kinds.map((k) => KIND[lang][k] ?? k);
  const sep = ja ? "、" : ", ";
  const out: string[] = [];

  out.push(
    t("# Draft: report of a personal data leak to the PPC (漏えい等報告)", "# 個人データの漏えい等報告（下書き）"),
    "",
    t(
      `> Drafted by Mamori ${input.toolVersion} from a scan on ${input.generatedAt.toISOString()}. It holds no detected value. Check every item, fill in the blanks marked ${blank}, and submit through the PPC's report form.`,
      `> Mamori ${input.toolVersion} が ${input.generatedAt.toISOString()} のスキャン結果から作成した下書きです。検出した値そのものは含みません。各項目を確認し、${blank} を埋めて、個人情報保護委員会の報告フォームから提出してください。`,
    ),
    "",
  );
  if (!impact.appi.reportRequired) {
    out.push(
      t(
        "> **By what was found, no report is required** (1,000 persons or fewer; no special-care, financial or My Number trigger). A leak with unlawful intent (e.g. unauthorised access) must still be reported: Mamori cannot tell intent from data.",
        "> **検出内容からは報告義務の基準に該当しません**（1,000人以下、要配慮・財産的被害のおそれ・マイナンバーの基準に該当しない）。不正アクセス等、不正の目的によるおそれがある場合は報告が必要です（意図はデータからは判定できません）。",
      ),
      "",
    );
  }

  out.push(t("## Deadlines (Japan time)", "## 報告期限（日本時間）"), "");
  if (d) {
    out.push(
      t("| | Date |", "| | 日付 |"),
      "|---|---|",
      t(`| Became known (day 1) | ${d.known} |`, `| 事態を知った日（1日目） | ${d.known} |`),
      t(`| Preliminary report (速報), promptly | around ${d.preliminary.from} – ${d.preliminary.to} (day 3–5) |`, `| 速報（速やかに） | ${d.preliminary.from}〜${d.preliminary.to} ごろ（3〜5日目） |`),
      t(`| Final report (確報) | by **${d.final}** (day 30) |`, `| 確報 | **${d.final}** まで（30日目） |`),
      t(`| Final report with unlawful intent | by ${d.finalUnlawfulIntent} (day 60) |`, `| 確報（不正の目的によるおそれがある場合） | ${d.finalUnlawfulIntent} まで（60日目） |`),
      "",
      t(
        "Days are counted with weekends and holidays; a last day on a weekend, holiday or 29 Dec–3 Jan moves to the next business day. The day of knowledge is counted as day 1 (the earlier reading): confirm with counsel.",
        "土日・祝日も日数に含めます。末日が土日・祝日・年末年始（12月29日〜1月3日）の場合は翌開庁日です。知った日を1日目として数えています（早い方の解釈）。必要に応じて専門家に確認してください。",
      ),
      "",
    );
  } else {
    out.push(t(`Became known: ${blank} (give it with \`--known-since\`)`, `事態を知った日: ${blank}（\`--known-since\` で指定できます）`), "");
  }

  out.push(t("## Reporter", "## 報告者"), "");
  out.push(
    t(`- Business name: ${blank}`, `- 事業者の名称: ${blank}`),
    t(`- Representative: ${blank}`, `- 代表者: ${blank}`),
    t(`- Contact person, department, phone, e-mail: ${blank}`, `- 担当者（部署・氏名・電話・メール）: ${blank}`),
    t("- Report: preliminary (速報) / final (確報) — choose", "- 報告の種類: 速報 / 確報（いずれかを選択）"),
    "",
  );

  const repo = input.repository ?? blank;
  const visibility = input.publicRepository ? t("public", "公開") : t("private: confirm", "非公開: 要確認");
  const byKindOrder = (kinds: readonly string[]) => [...kinds].sort((a, b) => impact.kinds.indexOf(a) - impact.kinds.indexOf(b));
  const first = input.sources.map((s) => s.date).filter((x): x is string => !!x).sort()[0];
  out.push(t("## 1. Outline (概要)", "## 1. 概要"), "");
  out.push(
    t(
      `Personal data of **${n(impact.persons)} persons** (${kinds.join(sep) || blank}) was found in ${n(input.files.length)} file(s) of the git repository ${repo} (${visibility}). Anyone with read access to the repository could see it${input.publicRepository ? ", that is, anyone on the internet" : ""}.`,
      `Git リポジトリ ${repo}（${visibility}）の ${n(input.files.length)} ファイルに、本人 **${n(impact.persons)} 人** 分の個人データ（${kinds.join(sep) || blank}）が含まれていました。リポジトリを閲覧できる者${input.publicRepository ? "（インターネット上の誰でも）" : ""}が閲覧できる状態でした。`,
    ),
    "",
    t(`- Occurred (first commit holding the data): ${first ?? blank}`, `- 発生日（データを含む最初のコミット）: ${first ?? blank}`),
    t(`- Became known: ${d?.known ?? blank}`, `- 発覚日: ${d?.known ?? blank}`),
    t(
      `- Reportable situation: ${impact.appi.triggers.map((x) => `${TRIGGER.en[x] ?? x} (${ARTICLE[x]?.en ?? "-"})`).join("; ") || "none found"}`,
      `- 報告対象事態: ${impact.appi.triggers.map((x) => `${TRIGGER.ja[x] ?? x}（${ARTICLE[x]?.ja ?? "-"}）`).join("、") || "該当なし"}`,
    ),
    t(`- Leak (漏えい) / loss (滅失) / damage (毀損): leak or possible leak`, `- 漏えい・滅失・毀損の別: 漏えい（又はそのおそれ）`),
    "",
  );

  out.push(t("## 2. Items of personal data", "## 2. 漏えい等が発生し、又は発生したおそれがある個人データの項目"), "");
  out.push(t("| Item | Persons whose records hold it |", "| 項目 | 該当する本人の数 |"), "|---|---|");
  const classes = impact.damages?.classes ?? [];
  for (const k of impact.kinds) {
    const persons = classes.filter((c) => c.kinds.includes(k)).reduce((s, c) => s + c.persons, 0);
    out.push(`| ${KIND[lang][k] ?? k} | ${classes.length ? n(persons) : "–"} |`);
  }
  out.push(
    "",
    t(
      `Medium: files in a git repository (${n(input.files.length)} file(s), listed under 4). Special-care data: ${impact.sensitive ? "yes" : "no"} · data whose misuse can cause financial damage: ${impact.financial ? "yes" : "no"} · My Numbers: ${impact.myNumber ? `yes (${n(impact.myNumberPersons ?? 0)})` : "no"}.`,
      `媒体: Git リポジトリ内のファイル（${n(input.files.length)} ファイル、4. に一覧）。要配慮個人情報: ${impact.sensitive ? "あり" : "なし"} ・ 財産的被害のおそれがある情報: ${impact.financial ? "あり" : "なし"} ・ マイナンバー: ${impact.myNumber ? `あり（${n(impact.myNumberPersons ?? 0)} 件）` : "なし"}。`,
    ),
    "",
  );

  out.push(t("## 3. Number of persons", "## 3. 本人の数"), "");
  out.push(
    t(
      `**${n(impact.persons)}** persons: one record (table row, object, entry) that identifies a person is one person; the same My Number, e-mail or phone in several files counts once.`,
      `**${n(impact.persons)} 人**（本人を識別できる1レコード（表の行・オブジェクト・項目）を1人とし、複数ファイルに同じマイナンバー・メールアドレス・電話番号がある場合は1人と数えています）。`,
    ),
    "",
    t("| File | Persons |", "| ファイル | 本人の数 |"),
    "|---|---|",
    ...impact.files.slice(0, 50).map((f) => `| \`${cell(f.path)}\` | ${n(f.persons)} |`),
    ...(impact.files.length > 50 ? [t(`| … ${impact.files.length - 50} more files | |`, `| … ほか ${impact.files.length - 50} ファイル | |`)] : []),
    "",
  );
  if (input.stats.skipped.length > 0) {
    out.push(
      t(
        `Note: ${n(input.stats.skipped.length)} file(s) could not be read by the scan; the number may be higher.`,
        `注: ${n(input.stats.skipped.length)} ファイルは読み取れませんでした。本人の数はこれより多い可能性があります。`,
      ),
      "",
    );
  }

  out.push(t("## 4. Cause", "## 4. 原因"), "");
  out.push(
    t(`- Repository: ${repo} (${visibility})`, `- リポジトリ: ${repo}（${visibility}）`),
    t(
      `- How it happened: personal data was committed to the repository (e.g. a test or export file). Who and why: ${blank}`,
      `- 経緯: 個人データを含むファイルがリポジトリにコミットされた（テスト用・エクスポート等）。行為者と理由: ${blank}`,
    ),
    "",
    t("| File | Commit | Author | Date |", "| ファイル | コミット | 作成者 | 日時 |"),
    "|---|---|---|---|",
  );
  const byPath = new Map(input.sources.map((s) => [s.path, s]));
  for (const path of input.files.slice(0, 50)) {
    const s = byPath.get(path);
    out.push(`| \`${cell(path)}\` | ${s?.commit ? `\`${s.commit.slice(0, 12)}\`` : blank} | ${s?.author ? cell(s.author) : blank} | ${s?.date ?? blank} |`);
  }
  out.push(
    "",
    t(`- When it was pushed to the shared repository: ${blank} (the commit dates above are when it was committed)`, `- 共有リポジトリへ push された日時: ${blank}（上の日時はコミット日時）`),
    "",
  );

  out.push(t("## 5. Secondary damage or its risk", "## 5. 二次被害又はそのおそれの有無及びその内容"), "");
  const risks = new Set<string>();
  for (const k of impact.kinds) {
    if (RISK[lang][k]) risks.add(RISK[lang][k]);
    else if (IDENTITY.has(k)) risks.add(RISK[lang]["my-number"]);
    else if (k === "name" || k === "name-kana") risks.add(RISK[lang].address);
  }
  if (impact.sensitive) risks.add(RISK[lang].medical);
  out.push(
    t(`- Damage observed: ${blank}`, `- 二次被害の発生: ${blank}`),
    t(`- Risk by the kinds of data: ${[...risks].join("; ") || "-"}`, `- 情報の種類から想定されるおそれ: ${[...risks].join("、") || "-"}`),
  );
  if (impact.secrets > 0) {
    out.push(
      t(
        `- ${n(impact.secrets)} credential(s) were found with it: unauthorised access to the systems they open. Revoke them.`,
        `- 認証情報 ${n(impact.secrets)} 件も見つかりました: それらで利用できるシステムへの不正アクセスのおそれ。無効化してください。`,
      ),
    );
  }
  out.push("");

  out.push(t("## 6. Response to the persons", "## 6. 本人への対応の実施状況"), "");
  out.push(t(`${blank} (notice to each person is required when a report is)`, `${blank}（報告対象事態では本人への通知が必要です）`), "");
  out.push(t("## 7. Publication", "## 7. 公表の実施状況"), "");
  out.push(`${blank}`, "");

  out.push(t("## 8. Measures against recurrence", "## 8. 再発防止のための措置"), "");
  const steps = impact.steps ?? [];
  for (const s of steps) out.push(`- ${STEP[lang][s]}`);
  out.push(t(`- Done so far: ${blank}`, `- 実施済みの措置: ${blank}`), "");

  out.push(t("## 9. Other", "## 9. その他参考となる事項"), "");
  const dm = impact.damages;
  if (dm && dm.classes.length) {
    out.push(
      t(
        `- Assumed damages (JNSA model, an estimate): ${yen(dm.total)} — per person 500 × (10^(mental−1) + 5^(economic−1)) × identifiability × social responsibility (×${dm.parameters.socialFactor}) × response (×${dm.parameters.responseFactor}):`,
        `- 想定損害賠償額（JNSA 算定式による推計）: ${yen(dm.total)} — 1人あたり 500 ×（10^(精神的苦痛−1) ＋ 5^(経済的損失−1)）× 本人特定容易度 × 社会的責任度（×${dm.parameters.socialFactor}）× 事後対応評価（×${dm.parameters.responseFactor}）:`,
      ),
    );
    for (const c of dm.classes.slice(0, 10)) {
      out.push(`  - ${byKindOrder(c.kinds).map((k) => KIND[lang][k] ?? k).join(sep)}: ${n(c.persons)} × ${yen(c.perPerson)} = ${yen(c.total)}`);
    }
  }
  out.push(
    t(
      `- Court-award band: ${yen(impact.estimate.low)} – ${yen(impact.estimate.high)}`,
      `- 裁判例による目安: ${yen(impact.estimate.low)}〜${yen(impact.estimate.high)}`,
    ),
    t(`- Scan: ${n(input.stats.files)} files read, ${n(input.stats.skipped.length)} skipped.`, `- スキャン: ${n(input.stats.files)} ファイルを検査、${n(input.stats.skipped.length)} ファイルはスキップ。`),
    "",
  );
  return out.join("\n");
}
