import type { ValidatorResult } from "./types.js";

/** Values that say "nothing to record". */
const NONE = /^(なし|無し|無|ナシ|特になし|特に無し|該当なし|該当無し|異常なし|問題なし|none|no|nil|null|n\/a|na|-|ー|―|\/|×|0|不明|未記入|未回答|なし。|特記事項なし|\\n)$/iu;

/**
 * A value recorded under a 要配慮個人情報 label (既往歴, 病名, 障害, 犯罪歴, 宗教 …) that says
 * something about the person: not empty, not "なし"/"none"/"-", and not a bare number or date.
 */
export function sensitiveValue(value: string): ValidatorResult {
  const v = value.trim().replace(/^["'「]|["'」]$/gu, "").trim();
  if (v.length === 0 || NONE.test(v)) return false;
  // Template placeholders ({{ patient.history }}, ${history}, <%= h %>, %s) are not values.
  if (/\{\{|\$\{|<%|%s|\{[a-z_]+\}/i.test(v)) return false;
  if (/^[\d\s.,:/-]+$/.test(v)) return false;
  // A URL, a path or a file name (an icon under medical_symbol) is not a record about a person.
  if (/^(?:[a-z][a-z\d+.-]*:)?\/\/|^\.{0,2}\/[\w.-]|^[\w.-]+\.(?:png|jpe?g|gif|svg|webp|ico|html?|pdf|json|ya?ml|js|ts|css)(?:[?#].*)?$/i.test(v)) return false;
  if (/^(既往歴|病歴|病名|診断名|障害|アレルギー|宗教|信条|犯罪歴|前科|medical|diagnosis|allergy|religion)/iu.test(v)) return false;
  // A label of the category itself (a UI or report dictionary in code): 要配慮個人情報（病歴など）.
  if (/要配慮|個人情報|special-care|personal (data|information)/iu.test(v)) return false;
  return true;
}
