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
    const text = "last_name: 佐々木\nfirst_name: 美咲\nlast_name_kana: ササキ\nfirst_name_kana: ミサキ\n";
    expect(at(text, "ミサキ")).toEqual({ own: { part: "given", reading: true }, other: "ササキ" });
    const schema = '"last_name": {"example": "渡辺"},\n"first_name": {"example": "健太"}';
    expect(at(schema, "渡辺")?.other).toBe("健太");
  });

  it("gives nothing outside keyed name-part fields", () => {
    expect(at("name: 佐々木 美咲\nemail: x@y.z\n", "佐々木 美咲")).toBeUndefined();
    expect(at("id,last_name,first_name\n1,佐々木,美咲\n", "佐々木")).toBeUndefined();
  });
});
