import type { Finding } from "../engine/types.js";

/** Kinds that tell that a file holds a person (a name, a reading, contact data, an identifier). */
const PERSON_KINDS = new Set([
  "name", "name-kana", "email", "phone", "address", "dob", "my-number", "passport", "drivers-license", "residence-card",
  "health-insurance", "pension-number",
]);

/** Keys that name the people who run the system, not the patients it serves. */
const OPERATOR_KEY = /admin|operator|staff|developer|maintainer|owner|support|管理者|運営|担当者?|職員|スタッフ|開発者/i;
/** A medical word this close to a person's value speaks of that person (lines; characters on one line). */
const NEAR_LINES = 5;
const NEAR_COLUMNS = 300;
/** A record longer than this (a whole schema read as one object) is no person's record. */
const RECORD_LINES = 40;
/** A medical word in the first lines of a file is its title or header (患者一覧, 患者ID,氏名,…): it speaks of every row. */
const TITLE_LINES = 3;

/**
 * The medical context of one file's findings (`medical-context`: 患者, 新患, 初診, Patient,
 * 予約 at a clinic …) is not a finding of its own: the persons it speaks of are patients —
 * receiving medical care is 要配慮個人情報 — so their findings are tagged `sensitive` and
 * `medical-context` (the impact then gives "patients" as the reason). It speaks of the persons of
 * its own record (`Patient.create!(name: …)`, a row), of those within a few lines (a roster's
 * entry, a FHIR resource), or of the whole file when it stands in the file's title or header.
 * A medical word far from anyone (one question of a QA corpus about a hospital, an API schema's
 * description of 診療) makes nobody a patient; a file with no person keeps nothing of it.
 */
export function keepMedicalContext(findings: Finding[]): Finding[] {
  const medical = findings.filter((f) => f.tags.includes("medical-context"));
  if (medical.length === 0) return findings;
  const out = findings.filter((f) => !f.tags.includes("medical-context"));
  const titled = medical.some((m) => m.line !== null && m.line <= TITLE_LINES) && out.some((f) => f.line !== null && f.line > TITLE_LINES);
  for (const f of out) {
    if (f.category !== "pii" || !PERSON_KINDS.has(f.kind)) continue;
    // The operator's own address in a configuration (AdminUserEmail, 管理者メール) is no patient's.
    if (f.key !== undefined && OPERATOR_KEY.test(f.key)) continue;
    if (!titled && !medical.some((m) => near(m, f))) continue;
    f.tags = [...new Set([...f.tags, "sensitive", "medical-context"])];
  }
  return out;
}

function near(m: Finding, f: Finding): boolean {
  if (m.line === null || f.line === null) return false;
  // On one line (a row, a minified JSON document): characters apart.
  if (m.line === f.line) return m.column !== null && f.column !== null && Math.abs(m.column - f.column) <= NEAR_COLUMNS;
  // One record of a table or of code over a few lines (a JSON document read as one record is not one person's).
  if (m.record !== undefined && m.record === f.record && Math.abs(m.line - f.line) <= RECORD_LINES) return true;
  return Math.abs(m.line - f.line) <= NEAR_LINES;
}
