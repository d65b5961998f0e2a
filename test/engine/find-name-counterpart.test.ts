import { fakerJA as faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { findNameCounterpart } from "../../src/engine/find-name-counterpart.js";

faker.seed(11);
const at = (text: string, value: string) => {
  const start = text.indexOf(value);
  return findNameCounterpart(text, start, start + value.length);
};

describe("findNameCounterpart", () => {
  const people = Array.from({ length: 3 }, () => ({ sei: faker.person.lastName(), mei: faker.person.firstName() }));
  it("pairs each part with the other part of its own record (Ruby, YAML, PHP)", () => {
    const ruby = people.map((p) => `User.create!(\n  last_name: "${p.sei}",\n  first_name: "${p.mei}",\n  email: "x@y.z"\n)\n`).join("\n");
    const php = people.map((p) => `[\n  'first_name' => '${p.mei}',\n  'last_name' => '${p.sei}',\n],`).join("\n");
    for (const text of [ruby, php]) {
      const p = people[1];
      expect(at(text, p.mei)).toEqual({ own: { part: "given", reading: false }, other: p.sei });
      expect(at(text, p.sei)).toEqual({ own: { part: "family", reading: false }, other: p.mei });
    }
  });

  it("pairs a reading with a reading, and reads JSON Schema examples", () => {
    const [a, b] = people;
    const text = `last_name: ${a.sei}\nfirst_name: ${a.mei}\nlast_name_kana: カナコ\nfirst_name_kana: ヨミコ\n`;
    expect(at(text, "ヨミコ")).toEqual({ own: { part: "given", reading: true }, other: "カナコ" });
    const schema = `"last_name": {"example": "${b.sei}"},\n"first_name": {"example": "${b.mei}"}`;
    expect(at(schema, b.sei)?.other).toBe(b.mei);
  });

  it("gives nothing outside keyed name-part fields", () => {
    const p = people[2];
    expect(at(`name: ${p.sei} ${p.mei}\nemail: x@y.z\n`, `${p.sei} ${p.mei}`)).toBeUndefined();
    expect(at(`id,last_name,first_name\n1,${p.sei},${p.mei}\n`, p.sei)).toBeUndefined();
  });
});
