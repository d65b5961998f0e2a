import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { genericPasswordValue } from "../../../src/engine/validators/generic-password-value.js";

// Values are generated here so that nothing live-looking is committed.
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const rnd = (n: number) => Array.from(randomBytes(n), (b) => B62[b % B62.length]).join("");

describe("genericPasswordValue", () => {
  it("reads Latin-1 symbols as part of a password, not as prose", () => {
    expect(genericPasswordValue(`${rnd(10)}§${rnd(8)}9`)).toBe("medium");
  });
  it("keeps prose in other scripts and values without three ASCII characters in a row silent", () => {
    expect(genericPasswordValue("パスワードを入力")).toBe(false);
    expect(genericPasswordValue("§§a§§")).toBe(false);
  });
  it("keeps one repeated character and algorithm names silent", () => {
    for (const v of ["yyyy", "zzzzzzzz", "----", "sha512", "bcrypt", "argon2id", "pbkdf2_sha256"]) expect(genericPasswordValue(v), v).toBe(false);
  });
});

describe("genericPasswordValue on typed fillers and identifiers", () => {
  it("drops digits only, test words, root, word slugs, runs, OIDs, IAM action names and MySQL plugin names", () => {
    for (const v of ["482017", "testpw", "root", "open-sesame", "aaaaaa1", "1.2.840.113549.1.9.7", "iam:ChangePassword", "caching_sha2_password"])
      expect(genericPasswordValue(v), v).toBe(false);
  });
  it("still grades a short typed password low", () => {
    expect(genericPasswordValue("hunter2")).toEqual({ confidence: "low", tags: ["weak-value"] });
  });
});
