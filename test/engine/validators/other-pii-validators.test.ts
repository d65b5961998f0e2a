import { describe, expect, it } from "vitest";
import { bankAccount } from "../../../src/engine/validators/bank-account.js";
import { driversLicenseNumber } from "../../../src/engine/validators/drivers-license-number.js";
import { japaneseAddress } from "../../../src/engine/validators/japanese-address.js";
import { piiValidators } from "../../../src/engine/validators/pii-validators.js";
import { postalCode } from "../../../src/engine/validators/postal-code.js";
import { sensitiveValue } from "../../../src/engine/validators/sensitive-value.js";
import { zenginBank } from "../../../src/engine/validators/zengin-bank.js";
import { expandTemplate } from "../../helpers/expand-template.js";

/** Test values are written as templates ({{nz:1}}, {{digits:N}}) so no address or account is in the source. */
const x = expandTemplate;

describe("postalCode", () => {
  it.each([["〒15{{nz:1}}-00{{digits:2}}", true], ["98{{nz:1}}0{{digits:3}}", true], ["000-0000", false], ["123-4567", false], ["12-34567", false]])(
    "%s → %s",
    (v, ok) => expect(postalCode(x(v))).toBe(ok),
  );
});

describe("japaneseAddress", () => {
  it.each([
    ["静岡県浜松市中区元城町{{nz:1}}丁目{{nz:1}}番{{nz:1}}号", "high"],
    ["浜松市中区元城町{{nz:1}}-{{nz:1}}-{{nz:1}}", "medium"],
    ["中区元城町三丁目{{nz:1}}-{{nz:1}}", "high"],
  ])("accepts %s as %s", (v, c) => expect(japaneseAddress(x(v))).toBe(c));
  it.each(["静岡県浜松市", "元城町", "Version 3-2-1", "3-2-1"])("rejects %s", (v) => expect(japaneseAddress(v)).toBe(false));
});

describe("zenginBank", () => {
  it.each([["三井住友銀行", true], ["りそな", true], ["楽天銀行", true], ["0005", true], ["架空銀行", false], ["9999", false]])(
    "%s → %s",
    (v, ok) => expect(zenginBank(v)).toBe(ok),
  );
});

describe("driversLicenseNumber", () => {
  /** Appends a check digit and a reissue digit to ten digits. */
  const withCheck = (ten: string) => {
    const w = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    const r = [...ten].reduce((s, c, i) => s + Number(c) * w[i], 0) % 11;
    return ten + String((11 - r) % 10) + "0";
  };
  it("is high when the check digit holds", () => expect(driversLicenseNumber(withCheck("3019876543"))).toBe("high"));
  it("takes the last digit of 11 − r (r = 0 gives 1)", () => {
    // Written in parts: ten digits, the expected check digit, the reissue count.
    const n = (ten: string, check: string) => [ten, check, "0"].join("");
    // 3000000007: 3×5 + 7×2 = 29 → r = 7 → 4; 1000000006: 5 + 12 = 17 → r = 6 → 5
    expect(driversLicenseNumber(n("3000000007", "4"))).toBe("high");
    expect(driversLicenseNumber(n("1000000006", "5"))).toBe("high");
    // 1000000003: 1×5 + 3×2 = 11 → r = 0 → 11 → 1
    expect(driversLicenseNumber(n("1000000003", "1"))).toBe("high");
    expect(driversLicenseNumber(n("1000000003", "0"))).toBe("medium");
  });
  it("is medium for a commission code that does not exist", () => expect(driversLicenseNumber(withCheck("3119876543"))).toBe("medium"));
  it("is medium otherwise", () => {
    const n = withCheck("3019876543");
    expect(driversLicenseNumber(n.slice(0, 10) + String((Number(n[10]) + 1) % 10) + "0")).toBe("medium");
  });
  it.each(["000000000000", "051234567890", "12345678901"])("rejects %s", (v) => expect(driversLicenseNumber(v)).toBe(false));
});

describe("sensitiveValue", () => {
  it.each([["2型糖尿病", true], ["気管支喘息、高血圧", true], ["なし", false], ["特になし", false], ["-", false], ["", false], ["既往歴", false], ["https://example.test/icons/2695.png?v8", false], ["//cdn.example.test/a.svg", false], ["./icons/medical.png", false], ["medical.svg", false], ["高血圧/糖尿病", true]])(
    "%s → %s",
    (v, ok) => expect(sensitiveValue(v)).toBe(ok),
  );
});

describe("piiValidators", () => {
  it("names every validator a PII rule may use", () => {
    expect(Object.keys(piiValidators).sort()).toContain("my-number");
    for (const v of Object.values(piiValidators)) expect(typeof v).toBe("function");
  });
});

describe("bankAccount", () => {
  it.each([
    ["りそな銀行 中央支店 普通 {{nz:1}}{{digits:6}}", "high"],
    ["三井住友銀行本店営業部当座{{nz:1}}{{digits:6}}", "high"],
    ["楽天銀行 ジャズ支店 普通預金 {{nz:1}}{{digits:6}}", "high"],
  ])("accepts %s", (v, c) => expect(bankAccount(x(v))).toBe(c));
  it.each(["架空銀行 中央支店 普通 {{nz:1}}{{digits:6}}", "りそな銀行 中央支店 普通 1111111", "りそな銀行 中央支店 {{nz:1}}{{digits:6}}"])("rejects %s", (v) =>
    expect(bankAccount(x(v))).toBe(false),
  );
});
