import { faker } from "@faker-js/faker/locale/ja";
import { describe, expect, it } from "vitest";
import { inferColumnKinds } from "../../src/decode/infer-column-kinds.js";

faker.seed(2);
const SYL = [..."アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"];
const kana = () => Array.from({ length: 3 }, () => faker.helpers.arrayElement(SYL)).join("");
const rows = (n: number, f: (i: number) => string[]) => Array.from({ length: n }, (_, i) => f(i));

describe("inferColumnKinds", () => {
  it("names a person's columns from their values", () => {
    const table = rows(6, (i) => [String(i + 1), `${faker.person.lastName()} ${faker.person.firstName()}`, `${kana()} ${kana()}`, `19${50 + i}-0${1 + i}-1${i}`, `${100 + i}-000${i}`, `090-${faker.string.numeric(4)}-${faker.string.numeric(4)}`]);
    expect(inferColumnKinds(table)).toEqual([undefined, "氏名", "フリガナ", "生年月日", "郵便番号", "電話番号"]);
  });

  it("calls a place list's readings and dates nothing personal", () => {
    const table = rows(5, (i) => [`0${i}1002`, `${faker.location.city()}市`, `${kana()}${kana()}`, `2020-0${1 + i}-01`]);
    const kinds = inferColumnKinds(table);
    expect(kinds[1]).toBe("市区町村");
    expect(kinds[3]).toBeUndefined();
  });

  it("leaves dates alone without a person", () => {
    expect(inferColumnKinds(rows(4, (i) => [String(i), `2021-0${1 + i}-02`]))).toEqual([undefined, undefined]);
  });
});
