import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { urlPasswordValue } from "../../../src/engine/validators/url-password-value.js";

// Values are generated here so that nothing live-looking is committed.
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const rnd = (n: number) => Array.from(randomBytes(n), (b) => B62[b % B62.length]).join("");
const word = (n: number) => Array.from(randomBytes(n), (b) => "abcdefghijklmnopqrstuvwxyz"[b % 26]).join("");

describe("urlPasswordValue", () => {
  it("grades a random-looking password high", () => {
    expect(urlPasswordValue(`${rnd(14)}7a`)).toBe("high");
  });
  it("finds a word-like or default password with low confidence and the weak-value tag", () => {
    for (const v of [`${word(3)}_${word(6)}`, "guest", "password", "pass", word(5)]) {
      expect(urlPasswordValue(v)).toEqual({ confidence: "low", tags: ["weak-value"] });
    }
  });
  it("decodes percent-escapes before grading", () => {
    expect(urlPasswordValue(`${rnd(10)}%40${rnd(6)}9`)).toBe("high");
  });
  it("keeps references, format placeholders and masked values silent", () => {
    for (const v of ["$REDIS_PASSWORD", "${DB_PASS}", "<password>", "%s", "%v", "{pass}", ":password", "****", "xxxx", "changeme", "pwd", "foo", "DB_PASSWORD", "{{ pass }}", "ab"]) {
      expect(urlPasswordValue(v), v).toBe(false);
    }
  });
});
