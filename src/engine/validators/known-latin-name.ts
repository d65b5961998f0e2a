import { createRequire } from "node:module";
import { faker } from "@faker-js/faker/locale/en";

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (value && typeof value === "object") return Object.values(value as Record<string, unknown>).flatMap(list);
  return [];
}

/** First and last names of the English locale of @faker-js/faker (a maintained dataset, lower-cased). */
const FIRST: ReadonlySet<string> = new Set(list(faker.definitions.person?.first_name).map((n) => n.toLowerCase()));
const LAST: ReadonlySet<string> = new Set(list(faker.definitions.person?.last_name).map((n) => n.toLowerCase()));

/**
 * Whether a word is a known given name ("first") or family name ("last") in Latin letters
 * (Emma, Olivia, Johnson, Nguyen …), from @faker-js/faker's English name lists.
 */
export function knownLatinName(word: string, part: "first" | "last"): boolean {
  return (part === "first" ? FIRST : LAST).has(word.toLowerCase());
}

/** Latin-script locales of @faker-js/faker whose name lists widen the English ones (Eddy, Nour, Brouwer, Kowalski …). */
const OTHER_LOCALES = [
  "de", "fr", "fr_BE", "nl", "es", "it", "pt_BR", "pt_PT", "sv", "da", "nb_NO", "fi", "pl", "cs_CZ", "sk", "hu", "ro", "hr",
  "lv", "tr", "id_ID", "af_ZA", "en_GB", "en_IE", "en_AU", "en_IN", "en_NG", "en_GH", "en_ZA",
];
let world: ReadonlySet<string> | undefined;

/**
 * Whether a word is a given or family name of any Latin-script locale of @faker-js/faker
 * (German, French, Dutch, Spanish, Polish, … English variants). The lists load on first use
 * (about 0.2 s): only a name column holding a word the English lists lack asks for them.
 */
export function knownWorldName(word: string): boolean {
  if (world === undefined) {
    const require = createRequire(import.meta.url);
    const names = new Set<string>();
    for (const locale of OTHER_LOCALES) {
      const person = (require(`@faker-js/faker/locale/${locale}`) as typeof import("@faker-js/faker/locale/en")).faker.rawDefinitions.person;
      for (const n of [...list(person?.first_name), ...list(person?.last_name)]) names.add(n.toLowerCase());
    }
    world = names;
  }
  return FIRST.has(word.toLowerCase()) || LAST.has(word.toLowerCase()) || world.has(word.toLowerCase());
}
