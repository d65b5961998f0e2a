import { decodeBase64 } from "./decode-base64.js";

/**
 * Base64 of `user:password` decoded: printable text (no control characters or replacement
 * characters) with a non-empty user and a non-empty password. Undefined for anything else.
 */
export function decodeUserPass(value: string): { text: string; user: string; pass: string } | undefined {
  const bytes = decodeBase64(value);
  if (!bytes) return undefined;
  const text = bytes.toString("utf8");
  if (!/^[^\x00-\x1f\x7f\uFFFD]+$/u.test(text)) return undefined;
  const i = text.indexOf(":");
  if (i <= 0 || i === text.length - 1) return undefined;
  return { text, user: text.slice(0, i), pass: text.slice(i + 1) };
}
