import { dummyName } from "./dummy-name.js";
import type { ValidatorResult } from "./types.js";

/** Marks of loanwords and UI words, rare in a Japanese name's reading: ー, small vowels, ヴ. */
const LOANWORD = /[ーァィゥェォヮヴヵヶ]/u;
const LABELS = /^(フリガナ|ふりがな|カナ|かな|セイ|メイ|シメイ|ナマエ|オナマエ|ヨミ|よみ|カタカナ|ひらがな|ミセッテイ|ミトウロク|なし|ナシ)$/u;

/**
 * A person's full name written only in kana in a name column (タナカ ハルト, たなか はると,
 * タナカハルト): one or two words of one script, 2–8 kana each, without loanword marks (ー, ァ,
 * ヴ …: ログイン ページ, サーバー are words, not names). `spaced` requires two words — for the
 * bare `name` key of code and configs, where a single kana word is usually a UI label.
 */
export function kanaFullName(value: string, spaced = false): ValidatorResult {
  const v = value.trim().replace(/[\s\u3000]+/gu, " ");
  if (dummyName(v) || LABELS.test(v.replace(/ /g, ""))) return false;
  if (LOANWORD.test(v)) return false;
  const parts = v.split(" ");
  if (parts.length > 2 || (spaced && parts.length !== 2)) return false;
  const katakana = parts.every((p) => /^[ァ-ヶ]{2,8}$/u.test(p));
  const hiragana = parts.every((p) => /^[ぁ-ゖ]{2,8}$/u.test(p));
  if (!katakana && !hiragana) return false;
  return parts.length === 2 || (v.length >= 4 && v.length <= 10);
}
