import type { Finding } from "../engine/types.js";

/** Kinds that tell that a file holds a person (a name, a reading, contact data, an identifier). */
const PERSON_KINDS = new Set([
  "name", "name-kana", "email", "phone", "address", "dob", "my-number", "passport", "drivers-license", "residence-card",
  "health-insurance", "pension-number",
]);

/** Keys that name the people who run the system, not the patients it serves. */
const OPERATOR_KEY = /admin|operator|staff|developer|maintainer|owner|support|管理者|運営|担当者?|職員|スタッフ|開発者/i;

/**
 * The medical context of one file's findings (`medical-context`: 患者, 新患, 初診, Patient,
 * 予約 at a clinic …) is not a finding of its own: when the file holds persons, they are
 * patients — receiving medical care is 要配慮個人情報 — so their findings are tagged
 * `sensitive` and `medical-context` (the impact then gives "patients" as the reason); a file
 * with no person (a model or a screen about patients) keeps nothing of it.
 */
export function keepMedicalContext(findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.tags.includes("medical-context"))) return findings;
  const out = findings.filter((f) => !f.tags.includes("medical-context"));
  for (const f of out) {
    if (f.category !== "pii" || !PERSON_KINDS.has(f.kind)) continue;
    // The operator's own address in a configuration (AdminUserEmail, 管理者メール) is no patient's.
    if (f.key !== undefined && OPERATOR_KEY.test(f.key)) continue;
    f.tags = [...new Set([...f.tags, "sensitive", "medical-context"])];
  }
  return out;
}
