import type { Mask } from "../rules/rule-schema.js";

const STARS = "****";

/**
 * A preview of a value that never shows it whole. Secrets keep a short known prefix and, when
 * long, their last four characters (`ghp_****…9aZ1`); digits keep separators and the last four
 * digits (`090-****-5678`); names keep the family name or first character (`山田 **`); e-mail
 * keeps the first letter of each part (`t***@e***.jp`); addresses keep the first characters.
 */
export function redact(value: string, mask: Mask): string {
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
      return redactSecret(value);
  }
}

function redactSecret(value: string): string {
  const firstLine = value.split(/\r?\n/)[0];
  if (firstLine.startsWith("-----BEGIN ")) return `${firstLine.slice(0, 64)}${STARS}…`;
  const n = value.length;
  if (n < 12) return STARS;
  const prefix = /^[A-Za-z][A-Za-z0-9]{0,9}[_-](?:[A-Za-z0-9]{1,8}[_-])?/.exec(value)?.[0] ?? "";
  const rest = n - prefix.length;
  // Show at most a quarter of the secret's characters beyond its public prefix.
  const tail = rest >= 24 ? 4 : rest >= 16 ? 2 : 0;
  return `${prefix}${STARS}${tail ? "…" + value.slice(n - tail) : ""}`;
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
