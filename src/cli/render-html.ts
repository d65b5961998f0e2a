import type { Rule } from "../rules/rule-schema.js";
import { ppcDraftSection, toHtml } from "../report/to-html.js";
import type { ScanResult } from "../scan/scan-files.js";

/** `mamori scan --format html`: the report with the rules' titles, the scanned folder's name and the time it was made. */
export function renderHtml(result: ScanResult, rules: Rule[], language: "ja" | "en", version: string, target?: string, ppcDraft?: string): string {
  return toHtml(result, {
    language,
    toolVersion: version,
    rulesById: new Map(rules.map((r) => [r.id, r])),
    target,
    generatedAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    extraSections: ppcDraft ? [ppcDraftSection(ppcDraft, language)] : undefined,
  });
}
