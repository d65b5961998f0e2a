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
