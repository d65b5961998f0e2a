import { dummyName } from "./dummy-name.js";
import type { ValidatorResult } from "./types.js";

/** Words that make a Latin-letter "name" a placeholder or an organisation. */
const NOT_PERSON = /\b(test|sample|dummy|example|user|name|card ?holder|customer|company|inc|ltd|llc|corp|co|kk|bank|shop|store|admin|null|none|unknown|n\/a)\b/i;

/**
 * A person's name in Latin letters as embossed on a card or written in a name column
 * (RYO YOSHIDA, Yoshida Ryo): two or three words of letters. Placeholders are rejected.
 */
export function latinName(value: string): ValidatorResult {
  const v = value.trim().replace(/\s+/g, " ");
  if (!/^[A-Za-z][A-Za-z'-]{1,20}( [A-Za-z][A-Za-z'.-]{0,20}){1,2}$/.test(v)) return false;
  if (NOT_PERSON.test(v) || dummyName(v)) return false;
  if (/^(TARO|HANAKO) YAMADA$|^YAMADA (TARO|HANAKO)$|^JOHN DOE$|^JANE DOE$/i.test(v)) return false;
  return true;
}
