import type { Impact } from "./types.js";

/** Yen per person: compensation (contact data / with 要配慮 data) and voluntary apology payments. */
export const COST_PER_PERSON = {
  contact: [3000, 5000],
  sensitive: [15000, 35000],
  apology: [500, 1000],
} as const;

/**
 * An estimated cost range of a leak: persons × ¥3,000–5,000 of compensation for contact data, or
 * × ¥15,000–35,000 where 要配慮個人情報 is involved, plus ¥500–1,000 per person of apology payments.
 * The bands follow Japanese court awards and settlements for leaks (e.g. the Uji city resident
 * register case, ¥15,000 per person including fees; the TBC survey case, ¥35,000 per person for
 * sensitive answers; payments of a ¥500 voucher per person as an apology) and are an estimate,
 * not a legal assessment.
 */
export function estimateCost(persons: number, sensitive: boolean): Impact["estimate"] {
  const band = sensitive ? COST_PER_PERSON.sensitive : COST_PER_PERSON.contact;
  const [aLow, aHigh] = COST_PER_PERSON.apology;
  return {
    currency: "JPY",
    low: persons * (band[0] + aLow),
    high: persons * (band[1] + aHigh),
    basis: sensitive
      ? "estimate: persons × ¥15,000–35,000 (special-care data, court awards) + ¥500–1,000 apology payment"
      : "estimate: persons × ¥3,000–5,000 (contact data, court awards and settlements) + ¥500–1,000 apology payment",
  };
}
