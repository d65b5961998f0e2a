import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SECRET_TAIL, redact } from "../../src/engine/redact.js";
import { expandTemplate } from "../helpers/expand-template.js";

describe("redact", () => {
  it.each([
    ["090-1234-5678", "digits", "090-****-5678"],
    ["1234 5678 9012", "digits", "**** **** 9012"],
    ["4111-1111-1111-1111", "digits", "****-****-****-1111"],
    ["山田 太郎", "name", "山田 **"],
    ["山田太郎", "name", "山***"],
    ["taro.yamada@example.co.jp", "email", "t***@e***.jp"],
    [["東京都", "千代田区", "見本町", "9-9-9"].join(""), "address", "東京都千代****"],
    ["hunter2", "secret", "****"],
    ["anything", "whole", "****"],
  ] as const)("%s (%s) -> %s", (value, mask, want) => {
    expect(redact(value, mask)).toBe(want);
  });

  it("keeps a token's prefix and at most four trailing characters", () => {
    const token = expandTemplate("ghp_{{base62:30}}{{crc32-github}}");
    const out = redact(token, "secret", ["ghp_", "github"]);
    expect(out).toMatch(/^ghp_\*\*\*\*….{4}$/);
    expect(out).not.toContain(token.slice(4, 30));
  });

  it("shows only the header of a private key", () => {
    const pem = expandTemplate("{{pem-rsa}}");
    const out = redact(pem, "secret");
    expect(out.startsWith("-----BEGIN RSA PRIVATE KEY-----")).toBe(true);
    expect(out).not.toContain(pem.split("\n")[1].slice(0, 16));
  });

  it("never returns more than a quarter of a long secret beyond its prefix", () => {
    for (let n = 12; n < 80; n++) {
      const v = "x".repeat(n).replace(/x/g, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[i % 36]);
      const shown = redact(v, "secret").replace(/\*|…/g, "");
      expect(shown.length).toBeLessThanOrEqual(Math.ceil(n / 4));
    }
  });

  it("does not take everything up to a second - or _ as a public prefix (Word-Word-99 showed 11 of 13 characters)", () => {
    const word = () => expandTemplate("{{base62:1}}").toUpperCase() + expandTemplate("{{hex:4}}").replace(/[0-9]/g, "e");
    const value = `${word()}-${word()}-${expandTemplate("{{digits:2}}")}`;
    const out = redact(value, "secret");
    expect(out).toBe("****");
    const long = `${word()}_${word()}_${expandTemplate("{{base62:20}}")}`;
    expect(redact(long, "secret")).toMatch(/^\*\*\*\*(….{1,4})?$/);
  });

  it("shows only the header of a private key escaped inside JSON (was: 17 of 32 key bytes)", () => {
    const pem = expandTemplate("{{pem-rsa}}");
    const escaped = pem.replace(/\n/g, "\\n");
    const out = redact(escaped, "secret");
    expect(out).toBe("-----BEGIN RSA PRIVATE KEY-----****…");
    expect(redact(pem.replace(/\n/g, "\r\n"), "secret")).toBe("-----BEGIN RSA PRIVATE KEY-----****…");
  });

  // The bound: beyond a public prefix (one of the rule's keywords), a secret's preview shows at
  // most MAX_SECRET_TAIL (4) characters and at most a quarter of the characters after the prefix.
  const prefixes = fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,10}[_-]?$/), { maxLength: 4 });
  const secretChars = fc.constantFrom(..."abcXYZ0189-_./+=~:@ \\\n\t\"'日本".split(""));
  const values = fc.oneof(
    fc.array(secretChars, { maxLength: 120 }).map((a) => a.join("")),
    fc.string({ unit: "grapheme", maxLength: 80 }),
    fc.tuple(fc.stringMatching(/^[A-Za-z]{1,10}$/), fc.stringMatching(/^[A-Za-z]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9]{0,40}$/)).map(([a, b, c]) => `${a}-${b}-${c}`),
  );

  it("property: beyond the public prefix at most 4 characters and at most 25% are shown", () => {
    fc.assert(
      fc.property(values, prefixes, fc.boolean(), (raw, keys, usePrefix) => {
        const value = usePrefix && keys.length > 0 ? keys[0] + raw : raw;
        const out = redact(value, "secret", keys);
        if (value.startsWith("-----BEGIN ")) return;
        const n = [...value].length;
        if (n < 12) return void expect(out).toBe("****");
        const prefix = keys.filter((k) => k.length <= 16 && k.length * 2 <= n && value.toLowerCase().startsWith(k.toLowerCase())).reduce((a, k) => (k.length > a.length ? k : a), "");
        expect(out.startsWith(value.slice(0, prefix.length) + "****")).toBe(true);
        const after = out.slice(prefix.length + 4);
        const shown = after.startsWith("…") ? [...after.slice(1)] : [...after];
        const rest = n - prefix.length;
        expect(shown.length).toBeLessThanOrEqual(MAX_SECRET_TAIL);
        expect(shown.length).toBeLessThanOrEqual(Math.floor(rest / 4));
        if (shown.length > 0) expect(value.endsWith(shown.join(""))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: a private key, with real or JSON-escaped line breaks, shows its header only", () => {
    fc.assert(
      fc.property(fc.constantFrom("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"), fc.stringMatching(/^[A-Za-z0-9+/]{8,200}$/), fc.constantFrom("\n", "\\n", "\r\n", ""), (label, body, nl) => {
        const value = `-----BEGIN ${label}-----${nl}${body}${nl}-----END ${label}-----`;
        expect(redact(value, "secret")).toBe(`-----BEGIN ${label}-----****…`);
      }),
    );
  });
});
