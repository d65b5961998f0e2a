import { isHashOrCiphertext } from "./is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import type { ValidatorResult } from "./types.js";

/** Values a fixture writes in every row, masks and empty markers: no one's password. */
const NOT_A_PASSWORD = /^(?:p[a@]ss(?:w[o0]rd|wd)?|test|secret|changeme|dummy|sample|example|hoge|fuga|foo|bar|admin|user|guest|null|none|nil|n\/a|-+|\*+|x{3,}|•+|●+)\d{0,4}$/i;

/**
 * A person's password stored in plain text in a table's password column (a login table, a user
 * export): 4–64 printable characters without spaces. Password hashes (bcrypt `$2a$…`, argon2,
 * pbkdf2, crypt), bare hex or base64 digests (MD5/SHA-1/SHA-256 sizes), references and
 * placeholders, masks (****) and the words fixtures put in every row (password, test) are not.
 */
export function plainPasswordCell(value: string): ValidatorResult {
  const v = value.trim();
  if (v.length < 4 || v.length > 64 || !/^[\x21-\x7e]+$/.test(v)) return false;
  if (isHashOrCiphertext(v) || isPlaceholderOrReference(v) || NOT_A_PASSWORD.test(v)) return false;
  // unsalted digests written as hex or base64 (32/40/56/64/96/128 hex; 24/28/44 base64)
  if (/^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{56}$|^[0-9a-f]{64}$|^[0-9a-f]{96}$|^[0-9a-f]{128}$/i.test(v)) return false;
  if (/^[A-Za-z0-9+/]{22}==$|^[A-Za-z0-9+/]{27}=$|^[A-Za-z0-9+/]{43}=$/.test(v)) return false;
  return "high";
}
