import { describe, expect, it } from "vitest";
import { isCodeExpression } from "../../../src/engine/validators/is-code-expression.js";
import { isDummyValue } from "../../../src/engine/validators/is-dummy-value.js";
import { isHashOrCiphertext } from "../../../src/engine/validators/is-hash-or-ciphertext.js";
import { isPlaceholderOrReference } from "../../../src/engine/validators/is-placeholder-or-reference.js";

describe("isPlaceholderOrReference", () => {
  it.each(["${DB_PASSWORD}", "$API_TOKEN", "{{ vault_db_password }}", "process.env.SECRET", 'os.environ["X"]', "var.db_password", "op://infra/db/password", "<your-token>", "xxxxxxxx", "****", "sk_test_REPLACE_ME", "your-session-secret-here", "（ここにトークン）", "changeme", "${{ secrets.NPM_TOKEN }}", "%(password)s"])(
    "flags %s",
    (v) => expect(isPlaceholderOrReference(v)).toBe(true),
  );
  it.each(["u8jzPde0IgxLd6GncfB", "AepfJBd0Kh8oOOL8d", "KLzdocJ2isAjIhKtJ0RlgLK"])("keeps %s", (v) => expect(isPlaceholderOrReference(v)).toBe(false));
});

describe("isHashOrCiphertext", () => {
  it.each(["$2b$12$abcdefghijklmnopqrstuu", "$apr1$abcdefgh$ijklmnopqrstuvwxyz0123", "$6$salt$hash", "md5" + "a".repeat(32), "SCRAM-SHA-256$4096:abc=$def=:ghi=", "sha512-abc==", "h1:abc=", "{SSHA}abc", "0f8fad5b-d9cb-469f-a165-70867728950e", "$ANSIBLE_VAULT;1.1;AES256", "ENC[AES256_GCM,data:abc]", "AgB" + "A".repeat(320)])(
    "flags %s",
    (v) => expect(isHashOrCiphertext(v)).toBe(true),
  );
  it("keeps a random value", () => expect(isHashOrCiphertext("OmxgJTeKdNnFR=bT")).toBe(false));
});

describe("isCodeExpression", () => {
  it.each(["getPassword()", "config.db.password", "userPassword", "db_password", "DB_PASSWORD", "formattingTokensRegExp2", "_options$binop2", "env('DB_PASSWORD')"])("flags %s", (v) =>
    expect(isCodeExpression(v)).toBe(true),
  );
  it.each(["u8jzPde0IgxLd6GncfB", "aB3$kd9.Qp"])("keeps %s", (v) => expect(isCodeExpression(v)).toBe(false));
});

describe("isDummyValue", () => {
  it.each(["1234567890abcdef", "abcdefgh12", "usertoken123", "secret-2-levels", "my_api_key_1"])("flags %s", (v) => expect(isDummyValue(v)).toBe(true));
  it.each(["u8jzPde0IgxLd6GncfB", "IBXuDL7DxtpYlSXpfKtHF4vU", "e923d5a4fd12aabfe228f219e9cb0eb5"])("keeps %s", (v) => expect(isDummyValue(v)).toBe(false));
});

describe("documented and format placeholders", () => {
  it.each(["{self.password}", "%s", "%(password)s", ":password", "2YotnFZFEjr1zCsicMWpAA", "AKIAIOSFODNN7EXAMPLE"])("flags %s", (v) =>
    expect(isPlaceholderOrReference(v)).toBe(true),
  );
});
