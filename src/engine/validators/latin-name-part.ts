import { dummyName } from "./dummy-name.js";
import { isRomajiWord } from "./is-romaji-word.js";
import { knownLatinName, knownWorldName } from "./known-latin-name.js";
import { NOT_PERSON } from "./latin-person-name.js";
import type { ValidatorResult } from "./types.js";

/** Particles that begin a family name (von Braun, van der Berg, de la Cruz, al-Rashid): only names take them. */
const PARTICLE = /^((?:van|von|de|del|della|der|den|di|da|du|dos|das|la|le|ter|ten|al|el|bin|ibn|ben|bint|ap)[ -](?:(?:der|den|la|las|los|le)[ -])?)(.+)$/iu;

/**
 * One part of a name in Latin letters as stored in its own column (first_name Emma, last_name
 * Sato): a known given or family name (English, then other Latin-script locales), a romaji word
 * of 3+ letters, a word with letters only names carry in these columns (Sørensen, Müller,
 * O'Brien, Jeffin'), or a word after a family-name particle (von Braun, al-Rashid);
 * capitalised or upper-case. Placeholders (Test, Admin, Demo, Taro, Yamada) are rejected.
 */
export function latinNamePart(value: string): ValidatorResult {
  const v = value.trim();
  const particle = PARTICLE.exec(v);
  const core = particle ? particle[2] : v;
  if (!/^(?=\p{Script=Latin})\p{Lu}[\p{Script=Latin}\p{M}'’-]{1,20}$/u.test(core)) return false;
  if (NOT_PERSON.test(v) || dummyName(v) || /^(demo|none|nil|null|taro|hanako|yamada|foo|bar|baz|hoge|fuga|piyo)$/i.test(core)) return false;
  if (particle) return true;
  if (/^[A-Za-z'-]+$/.test(core)) {
    if (knownLatinName(core, "first") || knownLatinName(core, "last") || (core.length >= 3 && isRomajiWord(core))) return true;
    // O'Brien, D'Angelo, Jeffin': an apostrophe inside or closing a capitalised word
    if (/^[A-Z][a-z]?'[A-Z][a-z]+$|^[A-Z][a-z]{3,}'$/.test(core)) return true;
    return knownWorldName(core);
  }
  // Letters with diacritics (ø, ā, é, ü): words of name columns, not of English UI strings.
  return /[^\x00-\x7f]/.test(core);
}
