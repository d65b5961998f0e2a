import type { ResponseStep } from "./types.js";

/**
 * The response steps of the PPC guideline (個人情報保護法ガイドライン（通則編）3-5-2) for a leak that
 * already reached a shared branch: contain it, investigate the facts and the cause, assess the
 * scope of the impact, prevent recurrence, and notify the persons / publish the facts (plus the
 * report to the PPC when `assessAppi` requires one). Nothing when no personal data leaked or it
 * never left the author's branch (a pull request that removes it before merging).
 */
export function responseSteps(persons: number, reachedSharedBranch: boolean): ResponseStep[] {
  if (persons === 0 || !reachedSharedBranch) return [];
  return ["contain", "investigate", "assess-scope", "prevent-recurrence", "notify-and-publish"];
}
