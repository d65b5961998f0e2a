/** Kinds that place something on a map or a phone line; alone they identify a place, not a person. */
export const LOCATION_KINDS: ReadonlySet<string> = new Set(["address", "postal-code", "phone"]);

/**
 * Kinds that identify a living individual: a name or reading, a personal e-mail address, or an
 * identifier issued to a person (My Number, passport, licence, residence card, pension, health
 * insurance, card or bank account of a holder). A record is a person only with one of these.
 */
export const PERSON_KINDS: ReadonlySet<string> = new Set([
  "name", "name-kana", "email", "my-number", "passport", "drivers-license", "residence-card", "pension-number",
  "health-insurance", "credit-card", "bank-account",
]);

/**
 * The person model over one unit: when no value in it identifies a person (author credits do not
 * count: they are not leaks), its addresses, postal codes and phone numbers are a location or
 * directory list (a geocoder's test addresses, a store list, a company footer) and are not
 * reported. Everything else is kept as it is.
 */
export function dropPersonlessLocations<T extends { category: string; kind: string; tags?: readonly string[] }>(items: T[]): T[] {
  let person = false;
  let location = false;
  for (const c of items) {
    if (c.category !== "pii") continue;
    if (PERSON_KINDS.has(c.kind) && !c.tags?.includes("author-credit")) person = true;
    else if (LOCATION_KINDS.has(c.kind)) location = true;
  }
  if (person || !location) return items;
  return items.filter((c) => c.category !== "pii" || !LOCATION_KINDS.has(c.kind));
}
