import { describe, expect, it } from "vitest";
import { createCodeRecordFieldIndex, type CodeLanguage } from "../../src/decode/code-record-field-index.js";

function fields(src: string, lang: CodeLanguage, values: string[]) {
  const idx = createCodeRecordFieldIndex(src, lang);
  return { records: idx.records, at: values.map((v) => idx.fieldAt(src.indexOf(v))) };
}

describe("createCodeRecordFieldIndex", () => {
  it("reads Ruby create! calls and hash rockets: one record per call", () => {
    const src = 'User.create!(name: "VAL_A", email: "VAL_B")\nUser.create!(:name => "VAL_C", "kana" => \'VAL_D\')\n';
    expect(fields(src, "ruby", ["VAL_A", "VAL_B", "VAL_C", "VAL_D"])).toEqual({
      records: 2,
      at: [{ key: "name", record: 0 }, { key: "email", record: 0 }, { key: "name", record: 1 }, { key: "kana", record: 1 }],
    });
  });

  it("reads an array of hashes with a nested hash as one record each", () => {
    const src = "users = [\n  { name: 'VAL_A', address: { city: 'VAL_B' } }, # comment: 'x'\n  { name: 'VAL_C', age: 31 },\n]\nUser.create!(users)\n";
    expect(fields(src, "ruby", ["VAL_A", "VAL_B", "VAL_C", "31"])).toEqual({
      records: 2,
      at: [{ key: "name", record: 0 }, { key: "city", record: 0 }, { key: "name", record: 1 }, { key: "age", record: 1 }],
    });
  });

  it("reads PHP arrays", () => {
    const src = "<?php\n// 'name' => 'NOT'\n$rows = [\n  ['name' => 'VAL_A', 'tel' => 'VAL_B'],\n  array('name' => \"VAL_C\"),\n];\n";
    expect(fields(src, "php", ["VAL_A", "VAL_B", "VAL_C", "NOT"])).toEqual({
      records: 2,
      at: [{ key: "name", record: 0 }, { key: "tel", record: 0 }, { key: "name", record: 1 }, undefined],
    });
  });

  it("reads Python dicts and keyword arguments", () => {
    const src = 'people = [{"name": "VAL_A"}, {\'name\': r"VAL_B"}]\nPerson.objects.create(name="VAL_C", kana=\'VAL_D\')\ndoc = """name: "NOT" """\n';
    expect(fields(src, "python", ["VAL_A", "VAL_B", "VAL_C", "VAL_D", "NOT"])).toEqual({
      records: 3,
      at: [{ key: "name", record: 0 }, { key: "name", record: 1 }, { key: "name", record: 2 }, { key: "kana", record: 2 }, undefined],
    });
  });

  it("reads JS/TS object literals, not type annotations, expressions or comments", () => {
    const src = "const a: { name: string } = { name: 'VAL_A', 'first-name': `VAL_B` };\n/* { name: 'NOT1' } */\nconst b = { name: faker.person.fullName(), kana: 'VAL_C' + x };\nconst c = { emails: ['VAL_D', 'VAL_E'] };\n";
    expect(fields(src, "js", ["VAL_A", "VAL_B", "NOT1", "VAL_C", "VAL_D", "VAL_E"])).toEqual({
      records: 3,
      at: [
        { key: "name", record: 0 },
        { key: "first-name", record: 0 },
        undefined,
        { key: "kana", record: 1 },
        { key: "emails", record: 2 },
        { key: "emails", record: 2 },
      ],
    });
  });

  it("reads FactoryBot, FactoryGirl and Fabrication factories: one record per factory, literal blocks only", () => {
    const src = [
      "FactoryBot.define do",
      "  factory :user do",
      '    sequence(:email) { |n| "NOT1#{n}" }',
      "    last_name { 'VAL_A' }",
      '    first_name { "VAL_B" }',
      "    password { Faker::Internet.password }",
      "  end",
      "  factory :other, class: User do",
      '    name { "VAL_C" } # comment "NOT2"',
      "    association :room",
      "  end",
      "end",
      "Factory.define :user do |user|",
      '  user.name "VAL_D"',
      "  user.email 'VAL_E'",
      "end",
      "Fabricator(:person) do",
      '  puts "NOT3"',
      '  name "VAL_F"',
      "end",
      "",
    ].join("\n");
    expect(fields(src, "ruby", ["VAL_A", "VAL_B", "NOT1", "VAL_C", "NOT2", "VAL_D", "VAL_E", "NOT3", "VAL_F"])).toEqual({
      records: 4,
      at: [
        { key: "last_name", record: 0 },
        { key: "first_name", record: 0 },
        undefined,
        { key: "name", record: 1 },
        undefined,
        { key: "name", record: 2 },
        { key: "email", record: 2 },
        undefined,
        { key: "name", record: 3 },
      ],
    });
  });

  it("reads no factory attributes outside a factory definition", () => {
    const src = 'factory = Builder.new\nname { "NOT1" }\ntitle "NOT2"\n';
    expect(fields(src, "ruby", ["NOT1", "NOT2"]).at).toEqual([undefined, undefined]);
  });

  it("has no records in code without literal pairs", () => {
    expect(createCodeRecordFieldIndex("function f(a, b) { return a + b; }\n", "js").records).toBeUndefined();
  });
});

describe("createCodeRecordFieldIndex: nested values", () => {
  it("keeps a record's nested constructors and calls in that record", () => {
    const src = 'Patient.create!(\n  name: "VAL_A",\n  birth_date: Date.parse("VAL_B"),\n  addresses: [\n    Address.new(postal_code: "VAL_C", line: "VAL_D"),\n    Address.new(line: "VAL_E")\n  ],\n  memo: Memo.new(content: "VAL_F")\n)\nPatient.create!(name: "VAL_G")\n';
    expect(fields(src, "ruby", ["VAL_A", "VAL_B", "VAL_C", "VAL_D", "VAL_E", "VAL_F", "VAL_G"]).at).toEqual([
      { key: "name", record: 0 },
      { key: "birth_date", record: 0 },
      { key: "postal_code", record: 0 },
      { key: "line", record: 0 },
      { key: "line", record: 0 },
      { key: "content", record: 0 },
      { key: "name", record: 1 },
    ]);
  });

  it("keeps one record per element of a list under a key of an otherwise empty object", () => {
    const src = "export default { customers: [{ name: 'VAL_A' }, { name: 'VAL_B' }] };\n";
    expect(fields(src, "js", ["VAL_A", "VAL_B"]).at.map((f) => f?.record)).toEqual([1, 2]);
  });
});
