import type { Impact } from "./types.js";

export interface AppiFacts {
  persons: number;
  sensitive: boolean;
  financial: boolean;
  /** Distinct My Numbers exposed. */
  myNumberPersons: number;
  /** The data can be seen by unspecified people (a public repository). */
  publicRepository: boolean;
}

/** Persons above which a leak must be reported whatever the data (APPI rule 7 (4)). */
export const PERSONS_THRESHOLD = 1000;
/** My Numbers above which a leak must be reported (番号法 report rule 2 (4)). */
export const MY_NUMBER_THRESHOLD = 100;

/**
 * Whether a leak must be reported to the Personal Information Protection Commission (PPC) and
 * the persons told, and why:
 * - "sensitive": any 要配慮個人情報 (APPI enforcement rule 7 (1));
 * - "financial": any data whose misuse can cause financial damage, e.g. card numbers, bank
 *   accounts with what is needed to use them (rule 7 (2));
 * - "over-1000-persons": more than 1,000 persons (rule 7 (4));
 * - "my-number-over-100": My Numbers of more than 100 persons (特定個人情報の漏えい等報告規則 2 (4));
 * - "my-number-public": any My Number that unspecified people can see, e.g. in a public
 *   repository (same rule, 2 (3)).
 * Leaks with unlawful intent (rule 7 (3)) cannot be told from the data and are not assessed.
 * Deadlines: 速報 promptly (about 3–5 days), 確報 within 30 days (60 days for unlawful intent).
 */
export function assessAppi(facts: AppiFacts): Impact["appi"] {
  const triggers: string[] = [];
  if (facts.sensitive) triggers.push("sensitive");
  if (facts.financial) triggers.push("financial");
  if (facts.persons > PERSONS_THRESHOLD) triggers.push("over-1000-persons");
  if (facts.myNumberPersons > MY_NUMBER_THRESHOLD) triggers.push("my-number-over-100");
  if (facts.myNumberPersons > 0 && facts.publicRepository) triggers.push("my-number-public");
  const reportRequired = triggers.length > 0;
  return {
    reportRequired,
    triggers,
    deadlines: reportRequired
      ? { preliminary: "promptly, about 3–5 days (速報)", final: "30 days; 60 days with unlawful intent (確報)" }
      : null,
  };
}
