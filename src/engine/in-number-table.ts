/** Words that make a digit run a payment card whatever stands beside it. */
const CARD_WORD = /card|カード|クレジット|credit|\bpan\b|visa|master|jcb|amex|diners|決済|payment/i;

/**
 * Whether a card-like digit run (no separators) stands in a table of numbers: another run of ten
 * or more digits on the same line (a constant table `MakeInt128(…, …)`, a row of ids or hashes)
 * and no card word on the line or in the key. Such a run is a constant that happens to pass Luhn
 * and an issuer range, not a payment card: a card in an export or a log stands with its holder's
 * data, not beside other long numbers, and is named as a card when it does.
 */
export function inNumberTable(text: string, start: number, end: number, key?: string): boolean {
  const value = text.slice(start, end);
  if (!/^\d+$/.test(value)) return false;
  if (key !== undefined && CARD_WORD.test(key)) return false;
  const from = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 200);
  let to = text.indexOf("\n", end);
  if (to < 0 || to > end + 200) to = Math.min(text.length, end + 200);
  const line = text.slice(from, start) + " " + text.slice(end, to);
  if (CARD_WORD.test(line)) return false;
  return /\d{10,}/.test(line);
}
