/**
 * Where a person's record sits on the JNSA "EP map" (Economic-Privacy map) of the
 * 情報セキュリティインシデントに関する調査報告書 of the Japan Network Security Association:
 * the mental-distress level (x axis, 精神的苦痛レベル 1–3), the economic-loss level (y axis,
 * 経済的損失レベル 1–3) and how easily the person can be identified (本人特定容易度 6 / 3 / 1).
 *
 * Our reading of the JNSA levels for the kinds Mamori finds (facts from the JNSA report, mapping ours):
 * - basic identity and contact data (name, reading, address, postal code, phone, e-mail, date of
 *   birth): economic 1, mental 1;
 * - identity numbers that let someone impersonate the person or open accounts (My Number, passport,
 *   driver's licence, residence card, basic pension number, health-insurance number) and bank
 *   account numbers: economic 2;
 * - payment card numbers (usable for card-not-present fraud): economic 3;
 * - 要配慮個人情報 (medical history, religion, criminal record …): mental 3.
 * Identifiability: 6 when the record holds a name and an address; 3 with a name, an identity
 * number, or an address with a phone number; 1 otherwise (JNSA: 「氏名」「住所」→ 6,
 * 「氏名」または「住所＋電話番号」→ 3, otherwise 1; identity numbers are ours: they name one person).
 */
export interface JnsaLevels {
  economic: 1 | 2 | 3;
  mental: 1 | 2 | 3;
  identifiability: 1 | 3 | 6;
}

const ECONOMIC_2 = new Set(["my-number", "passport", "drivers-license", "residence-card", "pension-number", "health-insurance", "bank-account"]);
const ECONOMIC_3 = new Set(["credit-card"]);
const MENTAL_3 = new Set(["medical"]);
const IDENTITY_NUMBERS = new Set(["my-number", "passport", "drivers-license", "residence-card", "pension-number", "health-insurance"]);

/** The EP-map levels of one record class: the kinds its records hold, and whether 要配慮 data is among them. */
export function jnsaLevels(kinds: Iterable<string>, sensitive = false): JnsaLevels {
  const set = new Set(kinds);
  const any = (group: Set<string>) => [...set].some((k) => group.has(k));
  const economic = any(ECONOMIC_3) ? 3 : any(ECONOMIC_2) ? 2 : 1;
  const mental = sensitive || any(MENTAL_3) ? 3 : 1;
  const name = set.has("name") || set.has("name-kana");
  const identifiability = name && set.has("address") ? 6 : name || any(IDENTITY_NUMBERS) || (set.has("address") && set.has("phone")) ? 3 : 1;
  return { economic, mental, identifiability };
}
