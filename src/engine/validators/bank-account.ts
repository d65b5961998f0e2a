import type { ValidatorResult } from "./types.js";
import { zenginBank } from "./zengin-bank.js";

const SHAPE = /^(?<bank>.+?(?:銀行|信用金庫|信金|信用組合|労働金庫|農業協同組合|農協))\s*(?<branch>\S{1,16}?(?:支店|出張所|営業部|本店))\s*(?<type>普通|当座|貯蓄)(?:預金)?\s*(?:口座)?\s*(?:番号)?\s*[:：]?\s*(?<number>\d{7})$/u;

/**
 * A bank account written out in prose: bank name + branch + 普通/当座/貯蓄 + 7-digit account
 * number (りそな銀行 豊中支店 普通 1234567). The bank must be in the Zengin code list, the
 * account number must not be a one-digit run or 1234567.
 */
export function bankAccount(value: string): ValidatorResult {
  const m = SHAPE.exec(value.normalize("NFKC").trim());
  if (!m?.groups) return false;
  const number = m.groups.number;
  if (/^(\d)\1{6}$/.test(number) || number === "1234567") return false;
  return zenginBank(m.groups.bank) === true ? "high" : false;
}
