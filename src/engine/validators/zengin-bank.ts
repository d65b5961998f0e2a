import { createRequire } from "node:module";
import type { ValidatorResult } from "./types.js";

/**
 * Bank names (kanji short names such as 三菱UFJ, りそな, 楽天) and 4-digit codes from the Zengin
 * code data. The data with its branches is large (~60 MiB in memory), so it is loaded on the
 * first bank-like candidate, not when the rules load.
 */
let banks: { names: Set<string>; codes: Set<string> } | undefined;
function getBanks(): { names: Set<string>; codes: Set<string> } {
  if (banks) return banks;
  const zenginCode = createRequire(import.meta.url)("zengin-code") as Record<string, { code: string; name: string }>;
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const bank of Object.values(zenginCode)) {
    codes.add(bank.code);
    names.add(bank.name.normalize("NFKC"));
  }
  return (banks = { names, codes });
}

const SUFFIX = /(銀行|信用金庫|信金|信用組合|信組|労働金庫|労金|農業協同組合|農協|JA|ゆうちょ銀行)$/u;

/**
 * True when the value names a bank of the Zengin (全銀) code list: a 4-digit bank code, or a
 * bank name with or without its suffix (三井住友銀行, りそな, 楽天銀行, ○○信用金庫).
 */
export function zenginBank(value: string): ValidatorResult {
  const v = value.normalize("NFKC").trim();
  const BANKS = getBanks();
  if (/^\d{4}$/.test(v)) return BANKS.codes.has(v);
  const base = v.replace(SUFFIX, "");
  return base.length > 0 && (BANKS.names.has(base) || BANKS.names.has(v));
}
