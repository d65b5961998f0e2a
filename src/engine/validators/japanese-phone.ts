import type { ValidatorResult } from "./types.js";

/**
 * A Japanese phone number of a person: mobile (070/080/090, 060), IP (050) or a landline
 * (10 digits, area code of 2–5 digits), written with hyphens, spaces, dots, brackets or as +81.
 * Business-only numbers (0120/0800 free dial, 0570 navi dial, 0990, 0180, 020 pagers/M2M) and
 * well-known dummies (…1234-5678, all zeros, one-digit runs) are rejected. When the number is
 * written in groups, the groups must add up the way Japanese numbers are split: the subscriber
 * number (last group) has 4 digits and area code + exchange has 6 digits for landlines.
 */
export function japanesePhone(value: string): ValidatorResult {
  let v = value.trim();
  if (v.startsWith("+81")) v = v.replace(/^\+81[\s\-.]*(\(0\)[\s\-.]*)?/, "0");
  const groups = v.split(/[\s\-.()]+/).filter((g) => g.length > 0);
  if (groups.some((g) => !/^\d+$/.test(g))) return false;
  const d = groups.join("");
  if (d.length < 10 || d.length > 11 || d[0] !== "0" || d[1] === "0") return false;
  const p3 = d.slice(0, 3);
  const p4 = d.slice(0, 4);
  if (["0120", "0800", "0570", "0990", "0180"].includes(p4) || p3 === "020") return false;
  const mobile = ["070", "080", "090", "050", "060"].includes(p3);
  if (mobile ? d.length !== 11 : d.length !== 10) return false;
  const subscriber = d.slice(-4);
  const middle = d.slice(mobile ? 3 : -8, -4);
  if (/^(\d)\1+$/.test(d.slice(1)) || /^0+$/.test(subscriber)) return false;
  // 090-0000-0001, 03-0000-1234: an exchange or subscriber number of zeros is a placeholder.
  if (/^0+$/.test(middle) || subscriber === "0000" || /^(\d)\1{7}$/.test(middle + subscriber)) return false;
  // Straight runs (0123456789, 03-1234-5678, 090-2345-6789) are placeholders.
  const tail = d.slice(-8);
  if ("01234567890123".includes(tail) || "98765432109876".includes(tail)) return false;
  if (groups.length >= 2) {
    const last = groups[groups.length - 1];
    if (last.length !== 4) return false;
    if (groups.length === 3) {
      const [a, b] = groups;
      if (mobile ? a.length !== 3 || b.length !== 4 : a.length + b.length !== 6 || a.length < 2 || a.length > 5) return false;
    }
    if (groups.length > 4) return false;
  }
  return true;
}
