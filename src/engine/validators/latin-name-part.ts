import { dummyName } from "./dummy-name.js";
import { isRomajiWord } from "./is-romaji-word.js";
import { knownLatinName } from "./known-latin-name.js";
import { NOT_PERSON } from "./latin-person-name.js";
import type { ValidatorResult } from "./types.js";

/**
 * One part of a name in Latin letters as stored in its own column (first_name Emma, last_name
 * Sato): a known given or family name, or a romaji word of 3+ letters, capitalised or upper-case.
 */
export function latinNamePart(value: string): ValidatorResult {
  const v = value.trim();
  if (!/^[A-Z][A-Za-z'-]{1,20}$/.test(v)) return false;
  if (NOT_PERSON.test(v) || dummyName(v) || /^(demo|none|nil|null|taro|hanako|yamada|foo|bar|baz|hoge|fuga|piyo)$/i.test(v)) return false;
  return knownLatinName(v, "first") || knownLatinName(v, "last") || (v.length >= 3 && isRomajiWord(v));
}
