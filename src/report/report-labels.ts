import type { Category, Severity } from "../rules/rule-schema.js";

export type Language = "ja" | "en";

/** Words every report format shares, in both languages. */
export const SEVERITY_LABEL: Record<Language, Record<Severity, string>> = {
  en: { critical: "CRITICAL", high: "HIGH", medium: "MEDIUM", low: "LOW" },
  ja: { critical: "重大", high: "高", medium: "中", low: "低" },
};

export const CATEGORY_LABEL: Record<Language, Record<Category, string>> = {
  en: { secret: "credential", pii: "personal data" },
  ja: { secret: "認証情報", pii: "個人情報" },
};

export const SEVERITY_ORDER: readonly Severity[] = ["critical", "high", "medium", "low"];
export const CATEGORY_ORDER: readonly Category[] = ["secret", "pii"];
