import type { PersonsBasis } from "./count-persons.js";
import type { Impact, ResponseStep } from "./types.js";

type Language = "ja" | "en";

export const KIND: Record<Language, Record<string, string>> = {
  en: {
    name: "names", "name-kana": "name readings", address: "addresses", "postal-code": "postal codes", phone: "phone numbers",
    email: "e-mail addresses", dob: "dates of birth", "my-number": "My Numbers", "credit-card": "card numbers",
    "bank-account": "bank accounts", passport: "passport numbers", "drivers-license": "driver's licence numbers",
    "residence-card": "residence card numbers", "pension-number": "basic pension numbers",
    "health-insurance": "health insurance numbers", medical: "special-care data (medical history etc.)",
  },
  ja: {
    name: "氏名", "name-kana": "フリガナ", address: "住所", "postal-code": "郵便番号", phone: "電話番号", email: "メールアドレス",
    dob: "生年月日", "my-number": "マイナンバー", "credit-card": "クレジットカード番号", "bank-account": "銀行口座",
    passport: "旅券番号", "drivers-license": "運転免許証番号", "residence-card": "在留カード番号", "pension-number": "基礎年金番号",
    "health-insurance": "健康保険証の記号・番号", medical: "要配慮個人情報（病歴など）",
  },
};

export const TRIGGER: Record<Language, Record<string, string>> = {
  en: {
    sensitive: "special-care personal information (要配慮個人情報)",
    financial: "data whose misuse can cause financial damage",
    "over-1000-persons": "more than 1,000 persons",
    "my-number-over-100": "My Numbers of more than 100 persons",
    "my-number-public": "My Numbers visible to unspecified people (public repository)",
  },
  ja: {
    sensitive: "要配慮個人情報を含む",
    financial: "不正に利用されることにより財産的被害が生じるおそれがある",
    "over-1000-persons": "本人の数が1,000人を超える",
    "my-number-over-100": "マイナンバーが100人を超える",
    "my-number-public": "マイナンバーが不特定多数に閲覧されうる（公開リポジトリ）",
  },
};

export const STEP: Record<Language, Record<ResponseStep, string>> = {
  en: {
    contain: "Contain: remove the data, rewrite the branch history, revoke forks/caches and credentials that came with it",
    investigate: "Investigate: establish the facts and the cause (who committed what, when, who could read it)",
    "assess-scope": "Assess the scope: persons, kinds of data, possible secondary damage",
    "prevent-recurrence": "Prevent recurrence: required Mamori check, branch protection, test data policy",
    "notify-and-publish": "Notify the persons and publish the facts and measures as appropriate; report to the PPC when required",
  },
  ja: {
    contain: "被害拡大の防止：データを削除し、ブランチ履歴を書き換え、フォーク・キャッシュや同時に漏れた認証情報を無効化する",
    investigate: "事実関係の調査と原因の究明：誰がいつ何をコミットし、誰が閲覧できたか",
    "assess-scope": "影響範囲の特定：本人の数、情報の種類、二次被害のおそれ",
    "prevent-recurrence": "再発防止策の検討・実施：Mamori チェックの必須化、ブランチ保護、テストデータの方針",
    "notify-and-publish": "本人への通知と事実関係・再発防止策の公表（必要に応じて）、必要な場合は個人情報保護委員会へ報告",
  },
};

/** Why a file counts its persons: the fields that made records persons, repeats, records without a person. */
function basisText(b: PersonsBasis, language: Language): string {
  const fields = b.fields.map((k) => KIND[language][k] ?? k);
  if (language === "ja") {
    const parts = [b.method === "records" ? `${fields.join("・")} のある記録を本人と判定` : `${fields.join("・")} の異なる値の数で判定`];
    if (b.repeated > 0) parts.push(`繰り返し ${count(b.repeated)} 件は同一人物`);
    if (b.withoutPerson > 0) parts.push(`本人を特定しない ${count(b.withoutPerson)} 件は数えない`);
    return `（${parts.join("、")}）`;
  }
  const parts = [b.method === "records" ? `records with ${fields.join(" + ")}` : `distinct ${fields.join(" / ")}`];
  if (b.repeated > 0) parts.push(`${count(b.repeated)} repeated ${b.method === "records" ? "records" : "values"} counted once`);
  if (b.withoutPerson > 0) parts.push(`${count(b.withoutPerson)} without a person not counted`);
  return `(${parts.join("; ")})`;
}

const yen = (n: number) => `¥${n.toLocaleString("en-US")}`;
const count = (n: number) => n.toLocaleString("en-US");

/**
 * The impact block as a headline and lines for reports, in Japanese or English, e.g.
 * "1,204 persons · names, addresses, phone numbers · PPC report required (more than 1,000 persons)".
 */
export function describeImpact(impact: Impact, language: Language): { headline: string; lines: string[] } {
  const ja = language === "ja";
  const kinds = impact.kinds.map((k) => KIND[language][k] ?? k);
  const triggers = impact.appi.triggers.map((t) => TRIGGER[language][t] ?? t);
  const sep = ja ? "、" : ", ";
  const parts: string[] = [];
  if (impact.persons > 0 || kinds.length > 0) {
    parts.push(ja ? `本人 ${count(impact.persons)} 人` : `${count(impact.persons)} ${impact.persons === 1 ? "person" : "persons"}`);
    if (kinds.length) parts.push(kinds.slice(0, 6).join(sep) + (kinds.length > 6 ? (ja ? " ほか" : ", …") : ""));
    parts.push(
      impact.appi.reportRequired
        ? ja
          ? `個人情報保護委員会への報告が必要（${triggers.join("、")}）`
          : `PPC report required (${triggers.join("; ")})`
        : ja
          ? "報告義務の基準には該当しない"
          : "no PPC report required by what was found",
    );
  } else {
    parts.push(ja ? "個人情報は検出されませんでした" : "no personal information found");
  }
  if (impact.secrets > 0) parts.push(ja ? `認証情報 ${count(impact.secrets)} 件` : `${count(impact.secrets)} credential${impact.secrets === 1 ? "" : "s"}`);
  const headline = parts.join(" · ");

  const lines: string[] = [];
  if (impact.persons > 0) {
    const files = [...impact.files].sort((a, b) => b.persons - a.persons || (a.path < b.path ? -1 : 1));
    const across = impact.acrossFiles ?? 0;
    lines.push(
      ja
        ? `本人の数: ${count(impact.persons)} 人（氏名・個人の識別子・個人の連絡先のある記録を本人とし、繰り返しとファイル間の同一人物は1人${across > 0 ? `、ファイル間の重複 ${count(across)} 人` : ""}）`
        : `Persons exposed: ${count(impact.persons)} (records that identify someone by a name, an identifier or personal contact data; repeats and the same person in other files count once${across > 0 ? `; ${count(across)} found again in other files` : ""})`,
    );
    for (const f of files.slice(0, 10)) lines.push(`  ${f.path}: ${count(f.persons)}${ja ? " 人" : ""}${f.basis ? `${ja ? "" : " "}${basisText(f.basis, language)}` : ""}`);
    if (files.length > 10) lines.push(ja ? `  ほか ${files.length - 10} ファイル` : `  ${files.length - 10} more files`);
    lines.push((ja ? "情報の種類: " : "Kinds of data: ") + kinds.join(sep));
    const yes = (b: boolean) => (ja ? (b ? "あり" : "なし") : b ? "yes" : "no");
    const REASON = ja
      ? { patients: "医療機関の患者の記録（受診・診療の事実）", "special-care-values": "病歴・障害・信条などの記載" }
      : { patients: "patients of a medical institution (receiving care)", "special-care-values": "medical history, disability, beliefs … written down" };
    const reasons = impact.sensitiveReasons?.length ? ` (${impact.sensitiveReasons.map((r) => REASON[r]).join(ja ? "、" : "; ")})` : "";
    lines.push(
      ja
        ? `要配慮個人情報: ${yes(impact.sensitive)}${reasons} · 財産的被害のおそれ（カード・口座）: ${yes(impact.financial)} · マイナンバー: ${yes(impact.myNumber)}`
        : `Special-care data: ${yes(impact.sensitive)}${reasons} · Financial data (cards, accounts): ${yes(impact.financial)} · My Numbers: ${yes(impact.myNumber)}`,
    );
    if (impact.appi.reportRequired) {
      lines.push(ja ? `個人情報保護委員会への報告と本人への通知: 必要（${triggers.join("、")}）` : `Report to the PPC and notice to the persons: required (${triggers.join("; ")})`);
      lines.push(
        ja
          ? "  期限: 速報は知った時から速やかに（おおむね3〜5日以内）、確報は30日以内（不正の目的によるおそれがある場合は60日以内）"
          : "  Deadlines: preliminary report promptly (about 3–5 days), final report within 30 days (60 days for leaks with unlawful intent)",
      );
      const d = impact.appi.dates;
      if (d) {
        lines.push(
          ja
            ? `  日付（日本時間、${d.known} に知った日を1日目として）: 速報 ${d.preliminary.from}〜${d.preliminary.to} ごろ、確報 ${d.final} まで（不正の目的のおそれがある場合は ${d.finalUnlawfulIntent} まで）`
            : `  Dates (Japan time, counting ${d.known}, the day it became known, as day 1): preliminary report around ${d.preliminary.from} – ${d.preliminary.to}, final report by ${d.final} (by ${d.finalUnlawfulIntent} with unlawful intent)`,
        );
      }
    } else {
      lines.push(ja ? "個人情報保護委員会への報告: 検出内容からは不要（1,000人以下、要配慮・財産的被害のおそれ・マイナンバーの基準に該当しない）" : "Report to the PPC: not required by what was found (1,000 persons or fewer, no special-care, financial or My Number trigger)");
    }
    lines.push(...describeDamages(impact, language));
    const e = impact.estimate;
    lines.push(
      ja
        ? `裁判例による目安: ${yen(e.low)} 〜 ${yen(e.high)}（本人1人あたり ${impact.sensitive ? "15,000〜35,000円（要配慮）" : "3,000〜5,000円"} の賠償 ＋ 500〜1,000円のお詫び。裁判例・過去事例に基づく目安）`
        : `Court-award band: ${yen(e.low)} – ${yen(e.high)} (${e.basis})`,
    );
    if (impact.steps?.length) {
      lines.push(ja ? "対応手順（個人情報保護委員会ガイドライン）:" : "Response steps (PPC guideline):");
      impact.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${STEP[language][s]}`));
    }
  }
  if (impact.secrets > 0) lines.push(ja ? `認証情報: ${count(impact.secrets)} 件（直ちに無効化してください）` : `Credentials: ${count(impact.secrets)} (revoke them now)`);
  return { headline, lines };
}

/** The JNSA damages estimate: the total, then one line per class of records (at most five). */
function describeDamages(impact: Impact, language: Language): string[] {
  const d = impact.damages;
  if (!d || d.classes.length === 0) return [];
  const ja = language === "ja";
  const sep = ja ? "、" : ", ";
  const p = d.parameters;
  const lines = [
    ja
      ? `想定損害賠償額（JNSA 算定式による推計）: ${yen(d.total)}（社会的責任度 ×${p.socialFactor}、事後対応評価 ×${p.responseFactor}）`
      : `Assumed damages (JNSA model, an estimate): ${yen(d.total)} (social responsibility ×${p.socialFactor}, response ×${p.responseFactor})`,
  ];
  for (const c of d.classes.slice(0, 5)) {
    const kinds = [...c.kinds].sort((a, b) => impact.kinds.indexOf(a) - impact.kinds.indexOf(b)).map((k) => KIND[language][k] ?? k).join(sep);
    lines.push(
      ja
        ? `  ${kinds}: ${count(c.persons)} 人 × ${yen(c.perPerson)}（経済的損失 ${c.economic}・精神的苦痛 ${c.mental}・本人特定容易度 ${c.identifiability}）= ${yen(c.total)}`
        : `  ${kinds}: ${count(c.persons)} × ${yen(c.perPerson)} (economic ${c.economic}, mental ${c.mental}, identifiability ${c.identifiability}) = ${yen(c.total)}`,
    );
  }
  if (d.classes.length > 5) lines.push(ja ? `  ほか ${d.classes.length - 5} 区分` : `  ${d.classes.length - 5} more classes`);
  return lines;
}

/** The labels, for reports that lay the impact out themselves (the HTML report). */
export { KIND as KIND_LABEL, TRIGGER as TRIGGER_LABEL, STEP as STEP_LABEL };
