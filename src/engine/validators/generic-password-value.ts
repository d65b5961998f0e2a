import type { ValidatorResult } from "./types.js";
import { isHashOrCiphertext } from "./is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { isCodeExpression } from "./is-code-expression.js";
import { isDummyValue } from "./is-dummy-value.js";
import { looksRandom } from "./looks-random.js";
import { WEAK_VALUE } from "./weak-grade.js";

const WEAK =
  /^(?:pass(?:word|wd)?\d{0,4}|p[a@]ssw[o0]rd\d{0,4}|secret\d{0,4}|admin\d{0,4}|root|toor|guest|test\d{0,4}|user\d{0,4}|demo|qwerty\d{0,4}|letmein|welcome\d{0,4}|default|postgres|mysql|mariadb|redis|mongo(?:db)?|rabbitmq|oracle|sa|dev|development|local|localhost|\d{1,12}|[a-z]{1,7})$/i;

/**
 * The value of a password-like name (`password`, `passwd`, `DB_PASSWORD`, `パスワード`…). Not a
 * finding: a reference, placeholder (changeme, <password>, ****, %s…), hash, ciphertext, code
 * expression, path, URL or prose (whitespace), or shorter than 4 characters. Medium: 8–128
 * characters with a digit (or upper and lower case and a symbol) that look random (entropy ≥ 2.8 bits/char, two character classes).
 * Anything else (a short or word-like value, a well-known default such as `postgres` or
 * `admin123`) is found with low confidence and the `weak-value` tag; digits only, test words,
 * root/admin and word slugs are typed fillers and are not reported.
 */
export function genericPasswordValue(value: string): ValidatorResult {
  if (value.length < 4 || value.length > 128) return false;
  if (isPlaceholderOrReference(value) || isHashOrCiphertext(value)) return false;
  if (isCodeExpression(value)) return false;
  if (value.includes("://") || value.startsWith(".")) return false; // URLs and paths / file-relative names
  if (!/^[\x21-\x7e\u00a1-\u00ff]+$/.test(value) || !/[\x21-\x7e]{3}/.test(value)) return false; // whitespace or non-Latin: prose, not a key
  if (/^(.)\1{3,}$/.test(value)) return false; // one character repeated: yyyy, ----
  if (/^(?:md5|sha-?(?:1|224|256|384|512)|bcrypt|scrypt|argon2(?:id|i|d)?|pbkdf2(?:[-_]sha\d+)?|plain(?:text)?)$/i.test(value)) return false; // an algorithm name
  if (/^(?:[A-Za-z]:\\|\/|~\/|\.\.?\/)/.test(value)) return false;
  if (/^(?:mysql_native|sha256|caching_sha2|mysql_clear)_password$/i.test(value)) return false; // MySQL authentication plugin names
  if (/^\d+(?:\.\d+){2,}$/.test(value)) return false; // an OID or a version: 1.2.840.113549.1.9.7
  if (/^[a-z][a-z0-9-]{1,30}:[A-Z][A-Za-z0-9]{2,80}$/.test(value)) return false; // an IAM action name: iam:ChangePassword
  if (/^(?:Password|Passwort|Passe|Senha|Parola|Wachtwoord|Haslo|Lösenord|Kennwort|Contrase(?:ñ|n)a|Salas[õo]na|Salasana|Passord|Kodeord|Heslo|Geslo|Lozinka|Jelsz[óo]|Has[łl]o|[SŞ]ifre)$/i.test(value)) return false; // a label
  const strong =
    value.length >= 8 &&
    !WEAK.test(value) &&
    !isDummyValue(value) &&
    (/[0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[^A-Za-z0-9]/.test(value))) &&
    !/^[a-z]+(?:[_-][a-z]+)*$/i.test(value) &&
    looksRandom(value, 2.8);
  if (strong) return "medium";
  // Typed fillers rather than passwords: digits only (123456), a test word, admin/root defaults.
  // (Grading these low instead was measured on CredData: +66 true lines for +300 false ones.)
  if (/^\d+$/.test(value) || /test/i.test(value) || /^(?:admin\d*|root|toor)$/i.test(value)) return false;
  if (/^[a-z]+(?:[-_.][a-z]+)+$/i.test(value) || /(.)\1{4,}/.test(value)) return false; // word slugs (test-trust-store-password), runs
  return WEAK_VALUE;
}
