import { describe, expect, it } from "vitest";
import { redact } from "../../src/engine/redact.js";
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
    const out = redact(token, "secret");
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
});
