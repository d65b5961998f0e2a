import { dummyName } from "./dummy-name.js";
import type { ValidatorResult } from "./types.js";

/** Column and form labels: the header itself, not a value. */
const LABEL = /^(姓|名|氏|氏名|名前|せい|めい|セイ|メイ|苗字|名字|下の名前|姓名|未設定|不明|なし|ー)$/u;

/**
 * One part of a person's name as stored in a separate column (last_name 谷口, first_name 紬,
 * セイ タニグチ): 1–6 kanji or kana, not a label or placeholder (山田, 太郎 alone are allowed,
 * テスト is not). Which column it is in is decided by the rule's keys.
 */
export function namePart(value: string): ValidatorResult {
  const v = value.trim();
  if (!/^[\p{Script=Han}々ヶぁ-んァ-ヶー]{1,6}$/u.test(v)) return false;
  if (LABEL.test(v) || dummyName(v)) return false;
  return true;
}
