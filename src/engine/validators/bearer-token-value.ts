import type { ValidatorResult } from "./types.js";
import { isCodeExpression } from "./is-code-expression.js";
import { isPlaceholderOrReference } from "./is-placeholder-or-reference.js";
import { looksRandom } from "./looks-random.js";
import { WEAK_VALUE } from "./weak-grade.js";

/**
 * The token of an `Authorization: Bearer …` (or `token …`) header written out in a file: a
 * recorded HTTP interaction (VCR cassette, HAR, Postman collection), a test, a curl command. Not a
 * finding: a reference or placeholder (`$TOKEN`, `${TOKEN}`, `<token>`, `YOUR_TOKEN`, `xxxx`), a
 * code identifier (`accessToken`) or a word. Medium when it looks random (16+ characters),
 * otherwise low with the `weak-value` tag (a short fixture token).
 */
export function bearerTokenValue(value: string): ValidatorResult {
  if (value.length < 8 || value.length > 4096) return false;
  if (/^[$%{<[(]|^#\{|\$\{|\{\{/.test(value)) return false;
  if (isPlaceholderOrReference(value) || isCodeExpression(value)) return false;
  if (/^[A-Z][A-Z0-9_]*$/.test(value)) return false; // an upper-case name: ACCESS_TOKEN
  if (/^[a-z]+$/i.test(value)) return false; // a word: "token", "undefined"
  if (/(?:token|secret|key|bearer|auth)/i.test(value) && !/[0-9]/.test(value)) return false;
  if (value.length >= 16 && looksRandom(value, 2.8)) return "medium";
  if (!/[0-9]/.test(value)) return false;
  return WEAK_VALUE;
}
