import { dummyName } from "./dummy-name.js";
import type { ValidatorResult } from "./types.js";

/** One word made only of Japanese syllables in Hepburn / Kunrei romanisation (Haruto, Sato, Ryuichi, Shinnosuke). */
const ROMAJI_WORD = /^(?:(?:[kgsztdnhbpmr]y|sh|ch|ts|j|f|[kgsztdnhbpmrwy])?(?:aa|ii|uu|ee|oo|ou|ei|[aiueo])|n(?![aiueoy])|(?:kk|ss|tt|pp|tc|cc|tch)(?=[aiueohy]))+$/i;

/**
 * A Japanese person's name written in Latin letters (Haruto Sato, SATO HARUTO): two words, each
 * 2–12 letters made only of Japanese syllables. English words and product names (Deploy
 * Production, Test Runner, Hello World) fail the syllable check; placeholders (Taro Yamada) are
 * rejected.
 */
export function romajiName(value: string): ValidatorResult {
  const v = value.trim().replace(/\s+/g, " ");
  const words = v.split(" ");
  if (words.length !== 2) return false;
  if (!words.every((w) => /^[A-Za-z]{2,12}$/.test(w) && (w === w.toUpperCase() || /^[A-Z][a-z]+$/.test(w)))) return false;
  if (!words.every((w) => ROMAJI_WORD.test(w.replace(/([aiueo])h(?=[^aiueoy]|$)/gi, "$1")))) return false;
  if (dummyName(v) || /^(taro|hanako|ichiro) yamada$|^yamada (taro|hanako|ichiro)$|^taro tanaka$|^tanaka taro$/i.test(v)) return false;
  return true;
}
