import { luhn } from "./luhn.js";
import type { ValidatorResult } from "./types.js";

/** Card numbers that card networks and payment providers publish for testing: never a leak. */
const TEST_CARDS = new Set([
  "4242424242424242", "4000056655665556", "4111111111111111", "4012888888881881", "4000000000000002",
  "4000000000009995", "4000000000000077", "4000000000000341", "4000002500003155", "4000000000003220",
  "5555555555554444", "5200828282828210", "5105105105105100", "2223003122003222", "2223000048400011",
  "378282246310005", "371449635398431", "378734493671000", "6011111111111117", "6011000990139424",
  "6011981111111113", "3056930009020004", "36227206271667", "30569309025904", "38520000023237",
  "3566002020360505", "3566111111111113", "3530111333300000", "6200000000000005", "6250941006528599",
  // Braintree / Adyen / GMO-PG / PAY.JP sandbox numbers
  "4005519200000004", "4009348888881881", "4012000033330026", "4012000077777777", "4217651111111119",
  "4500600000000061", "5431111111111111", "6011000991300009", "36259600000004", "4111111145551142",
  "5555341244441115", "4988438843884305", "370000000000002", "4123450131003312", "4000000000000010",
  "4000000000000028", "4000000000000036", "4000000000000101", "4000000000000127", "4000000000000069",
]);

/** [first digits, lengths] of the card networks' issuer identification number ranges. */
function network(d: string): number[] | undefined {
  const p2 = Number(d.slice(0, 2));
  const p3 = Number(d.slice(0, 3));
  const p4 = Number(d.slice(0, 4));
  const p6 = Number(d.slice(0, 6));
  if (d[0] === "4") return [16, 19]; // Visa (13-digit Visa numbers are no longer issued; JAN codes look like them)
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return [16]; // Mastercard
  if (p2 === 34 || p2 === 37) return [15]; // American Express
  if (p4 >= 3528 && p4 <= 3589) return [16, 17, 18, 19]; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) return [14, 15, 16, 17, 18, 19]; // Diners Club
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) return [16, 17, 18, 19]; // Discover
  if (p2 === 62) return [16, 17, 18, 19]; // UnionPay
  return undefined;
}

/**
 * A payment card number (PAN): 14–19 digits (separators space/hyphen ignored) in a known
 * issuer range with a valid Luhn checksum; published test cards and one-digit runs are rejected.
 */
export function creditCardNumber(value: string): ValidatorResult {
  const d = value.replace(/[\s-]/g, "");
  if (!/^\d{13,19}$/.test(d)) return false;
  const lengths = network(d);
  if (!lengths || !lengths.includes(d.length)) return false;
  if (!luhn(d)) return false;
  if (TEST_CARDS.has(d) || /^(\d)\1+$/.test(d.slice(1)) || /0{8,}/.test(d)) return false;
  return true;
}
