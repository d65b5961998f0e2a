import type { Mask } from "../rules/rule-schema.js";

const STARS = "****";

/**
 * A preview of a value that never shows it whole. Secrets keep a public prefix — only one of
 * `publicPrefixes` (the rule's keywords: a provider's documented prefix such as `ghp_`) — and
 * of the rest at most 4 characters and at most a quarter (`ghp_****…9aZ1`); a private key shows
 * only its `-----BEGIN … KEY-----` header, whether its lines are real or JSON-escaped (`\n`).
 * Digits keep separators and the last four
 * digits (`090-****-5678`); names keep the family name or first character (`山田 **`); e-mail
 * keeps the first letter of each part (`t***@e***.jp`); addresses keep the first characters.
 */
export function redact(value: string, mask: Mask, publicPrefixes: readonly string[] = []): string {
  const chars = [...value];
  switch (mask) {
    case "digits":
      return redactDigits(value);
    case "name": {
      const parts = value.trim().split(/[\s\u3000]+/u);
      if (parts.length > 1) return `${parts[0]} ${"*".repeat(Math.min(4, [...parts.slice(1).join("")].length))}`;
      return chars[0] + "*".repeat(Math.min(4, Math.max(1, chars.length - 1)));
    }
    case "email": {
      const at = value.lastIndexOf("@");
      if (at <= 0) return STARS;
      const domain = value.slice(at + 1);
      const dot = domain.lastIndexOf(".");
      const tld = dot > 0 ? domain.slice(dot) : "";
      return `${[...value.slice(0, at)][0]}***@${[...domain][0] ?? ""}***${tld}`;
    }
    case "address": {
      const keep = Math.min(6, Math.floor(chars.length / 3));
      return chars.slice(0, keep).join("") + STARS;
    }
    case "whole":
      return STARS;
    case "secret":
    default:
      return redactSecret(value, publicPrefixes);
  }
}

/** Most characters of a secret shown beyond its public prefix. */
export const MAX_SECRET_TAIL = 4;

function redactSecret(value: string, publicPrefixes: readonly string[]): string {
  const pem = /^-----BEGIN [A-Z0-9 ]{1,40}-----/.exec(value);
  if (pem) return `${pem[0]}${STARS}…`;
  const chars = [...value];
  const n = chars.length;
  if (n < 12) return STARS;
  const prefix = publicPrefix(value, n, publicPrefixes);
  const rest = n - [...prefix].length;
  // At most MAX_SECRET_TAIL characters and at most a quarter of what follows the prefix.
  const tail = rest >= 24 ? MAX_SECRET_TAIL : rest >= 16 ? 2 : 0;
  return `${prefix}${STARS}${tail ? "…" + chars.slice(n - tail).join("") : ""}`;
}

/** The longest known prefix the value starts with (case-insensitive, at most 16 characters and half the value). */
function publicPrefix(value: string, n: number, prefixes: readonly string[]): string {
  let best = "";
  for (const p of prefixes) {
    if (p.length <= best.length || p.length > 16 || p.length * 2 > n) continue;
    if (value.slice(0, p.length).toLowerCase() === p.toLowerCase()) best = value.slice(0, p.length);
  }
  return best;
}

function redactDigits(value: string): string {
  const digits = value.replace(/\D/g, "").length;
  const keepLast = digits >= 8 ? 4 : digits >= 5 ? 2 : 0;
  const groups = value.split(/[^0-9]+/).filter(Boolean);
  // Phone-like values (leading 0 or +, three or more groups) keep their first group.
  const keepFirstGroup = /^[+(]?0|^\+/.test(value) && groups.length >= 3 ? groups[0].length : 0;
  let seen = 0;
  let out = "";
  for (const ch of value) {
    if (ch >= "0" && ch <= "9") {
      seen++;
      out += seen <= keepFirstGroup || seen > digits - keepLast ? ch : "*";
    } else out += ch;
  }
  return out;
}
