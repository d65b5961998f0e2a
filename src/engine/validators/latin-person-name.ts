import { dummyName } from "./dummy-name.js";
import { knownLatinName } from "./known-latin-name.js";
import { isRomajiWord } from "./is-romaji-word.js";
import { romajiName } from "./romaji-name.js";
import type { ValidatorResult } from "./types.js";

export const NOT_PERSON = /\b(test|sample|dummy|example|user|guest|admin|name|customer|company|inc|ltd|llc|corp|bank|shop|store|null|none|unknown|john doe|jane doe)\b/i;

/**
 * A person's name in Latin letters in a name column: a Japanese name in romaji (Haruto Sato,
 * SATO HARUTO) or a foreign name whose given name is a known one and whose family name is a
 * known one or a romaji word (Emma Johnson, Olivia Tanaka; a middle name is allowed: Mary Ann
 * Smith). Words are capitalised or upper-case; placeholders (John Doe, Test User) are rejected.
 */
export function latinPersonName(value: string): ValidatorResult {
  const v = value.trim().replace(/\s+/g, " ");
  if (NOT_PERSON.test(v) || dummyName(v)) return false;
  if (romajiName(v) === true) return true;
  const words = v.split(" ");
  if (words.length < 2 || words.length > 3) return false;
  if (!words.every((w) => /^[A-Z][A-Za-z'-]{1,20}$/.test(w))) return false;
  const first = words[0];
  const last = words[words.length - 1];
  const knownPair = (g: string, f: string) => knownLatinName(g, "first") && (knownLatinName(f, "last") || isRomajiWord(f));
  // given name first (Emma Johnson) or family name first (JOHNSON EMMA, SATO Emma)
  return knownPair(first, last) || (words.length === 2 && knownPair(last, first));
}
