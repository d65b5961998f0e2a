/**
 * Whether the first row of a table looks like a header rather than data: no field holds an
 * e-mail address or a run of 4+ digits. A data row must never become a "key" (keys are shown
 * as context and would leak the value).
 */
export function looksLikeHeader(fields: readonly string[]): boolean {
  if (fields.length === 0) return false;
  for (const f of fields) {
    const v = f.normalize("NFKC");
    if (v.includes("@") || /\d{4,}/.test(v) || v.length > 64) return false;
  }
  return true;
}
