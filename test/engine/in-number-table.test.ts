import { describe, expect, it } from "vitest";
import { inNumberTable } from "../../src/engine/in-number-table.js";
import { expandTemplate } from "../helpers/expand-template.js";

function check(template: string, key?: string): boolean {
  const text = expandTemplate(template);
  const m = /(?<![\d])([2-6]\d{13,18})(?!\d)/.exec(text)!;
  return inNumberTable(text, m.index, m.index + m[1].length, key);
}

describe("inNumberTable", () => {
  it("a card-like constant beside other long numbers is in a number table", () => {
    expect(check("    MakeInt128({{card-visa}}, 1{{digits:19}}u),")).toBe(true);
    expect(check("const TABLE = [{{card-mastercard}}, 9{{digits:15}}, 8{{digits:15}}];")).toBe(true);
  });
  it("a card alone, named as a card, or under a card key is not", () => {
    expect(check("2024-03-01 10:00:07 DEBUG charge {{card-visa}} ok")).toBe(false);
    expect(check("visa {{card-visa}} ref 2{{digits:11}}")).toBe(false);
    expect(check("{{card-visa}},9{{digits:12}}", "card_number")).toBe(false);
    expect(check("{{card-visa}} 12345")).toBe(false);
  });
  it("a number written with separators is not a constant", () => {
    const text = expandTemplate("{{card-visa}}").replace(/(\d{4})(?=\d)/g, "$1 ") + " 1" + "0".repeat(12);
    expect(inNumberTable(text, 0, 19)).toBe(false);
  });
});
