import { describe, expect, it } from "vitest";
import { japanesePhone } from "../../../src/engine/validators/japanese-phone.js";
import { expandTemplate } from "../../helpers/expand-template.js";

describe("japanesePhone", () => {
  it.each([
    ["090-{{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "mobile"],
    ["080 {{nz:1}}{{digits:3}} {{nz:1}}{{digits:3}}", "mobile with spaces"],
    ["070{{nz:1}}{{digits:3}}{{nz:1}}{{digits:3}}", "mobile without separators"],
    ["060-{{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "060 mobile"],
    ["050-{{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "IP phone"],
    ["03-{{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "Tokyo 2-digit area code"],
    ["045-{{nz:1}}{{digits:2}}-{{nz:1}}{{digits:3}}", "3-digit area code"],
    ["0267-{{nz:1}}{{digits:1}}-{{nz:1}}{{digits:3}}", "4-digit area code"],
    ["04996-{{nz:1}}-{{nz:1}}{{digits:3}}", "5-digit area code"],
    ["03({{nz:1}}{{digits:3}}){{nz:1}}{{digits:3}}", "brackets"],
    ["(03){{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "area code in brackets"],
    ["090.{{nz:1}}{{digits:3}}.{{nz:1}}{{digits:3}}", "dots"],
    ["+81-90-{{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "+81 mobile"],
    ["+81 3 {{nz:1}}{{digits:3}} {{nz:1}}{{digits:3}}", "+81 landline"],
    ["+81 (0)3-{{nz:1}}{{digits:3}}-{{nz:1}}{{digits:3}}", "+81 (0)"],
  ])("accepts %s (%s)", (v) => expect(japanesePhone(expandTemplate(v))).toBe(true));
  it.each([
    ["090-1234-5678", "canonical dummy"],
    ["0123456789", "straight run"],
    ["090-0000-0001", "zero exchange (sample rows)"],
    ["03-0000-5521", "zero exchange"],
    ["090-2345-6789", "straight run"],
    ["06-9876-5432", "descending run"],
    ["03-1234-5678", "dummy subscriber digits"],
    ["000-0000-0000", "all zeros"],
    ["0120-444-888", "free dial (business)"],
    ["0570-064-556", "navi dial (business)"],
    ["0800-170-3434", "free dial 0800"],
    ["090-314-15926", "mobile split wrongly"],
    ["03-32384-626", "landline split wrongly"],
    ["0312345", "too short"],
    ["090314159261", "too long"],
    ["1.2.3456", "version-like"],
    ["2024-0301-1230", "date-like"],
    ["090-3141-5926-1", "extra group"],
  ])("rejects %s (%s)", (v) => expect(japanesePhone(v)).toBe(false));
});
