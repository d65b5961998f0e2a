import { dummyName } from "./dummy-name.js";
import type { ValidatorResult } from "./types.js";

/** Column and form labels written in kana: not a reading of a name. */
const LABELS = /^(フリガナ|ふりがな|カナ|かな|セイ|メイ|セイメイ|シメイ|ナマエ|オナマエ|ヨミ|よみ|ヨミガナ|よみがな|カタカナ|ひらがな)$/u;

/**
 * Words of forms and validation messages in kana (カタカナチェック, にゅうりょく, ひらがなで…) and
 * polite verb and copula endings (…してください, …できません, ゲンエキセイデス): a message or a
 * role phrase, not a reading of a name.
 */
const KANA_UI = /カタカナ|かたかな|ひらがな|ヒラガナ|フリガナ|ふりがな|ゼンカク|ぜんかく|ハンカク|はんかく|にゅうりょく|ニュウリョク|チェック|エラー|(ください|ません|ます|です|でした|ました|される|できる|しない|して|クダサイ|マセン|デス|デシタ|マス|マシタ)$|^(では|には|とは|から|まで|より|でも|ので|など|また|および|かつ|もし|ただし|なお|これ|それ|あれ|この|その)$/u;

/**
 * A name's reading in katakana (or hiragana) as written in a フリガナ / カナ column: one or two
 * words of kana (half-width kana arrive NFKC-normalised to full-width). Placeholders (ヤマダ タロウ,
 * テスト) and one-character readings are rejected.
 */
export function kanaName(value: string): ValidatorResult {
  const v = value.trim().replace(/\s+/gu, " ");
  if (dummyName(v) || LABELS.test(v) || KANA_UI.test(v)) return false;
  const parts = v.split(" ");
  if (parts.length > 2) return false;
  if (!parts.every((p) => /^[ァ-ヶー]{1,12}$/u.test(p) || /^[ぁ-んー]{1,12}$/u.test(p))) return false;
  return parts.length === 2 || v.length >= 2;
}
