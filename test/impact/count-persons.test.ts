import { describe, expect, it } from "vitest";
import { countPersons } from "../../src/impact/count-persons.js";
import { finding } from "./helpers.js";

const persons = (r: ReturnType<typeof countPersons>) => r.files.map((f) => ({ path: f.path, persons: f.persons }));

describe("countPersons", () => {
  it("counts records that identify someone in a table; an address or a birth date alone is nobody", () => {
    const f = [
      finding({ path: "a.csv", kind: "name", record: 0, valueHash: "n0", key: "氏名" }),
      finding({ path: "a.csv", kind: "phone", record: 0, valueHash: "p0", key: "電話番号" }),
      finding({ path: "a.csv", kind: "name", record: 1, valueHash: "n1", key: "氏名" }),
      finding({ path: "a.csv", kind: "dob", record: 2, valueHash: "d2" }),
      finding({ path: "a.csv", kind: "address", record: 3, valueHash: "a3" }),
    ];
    const r = countPersons(f, new Map([["a.csv", 10]]));
    expect(r.total).toBe(2);
    expect(r.files[0].basis).toEqual({ method: "records", fields: ["氏名"], records: 4, repeated: 0, withoutPerson: 2 });
  });

  it("in code, a family or a given name alone (with its reading) is nobody; both parts, or one part with a contact, are a person", () => {
    const f = [
      finding({ path: "spec/user_spec.rb", kind: "name", record: 0, valueHash: "fam", key: "last_name" }),
      finding({ path: "spec/user_spec.rb", kind: "name-kana", record: 0, valueHash: "famk", key: "last_name_kana" }),
      finding({ path: "spec/user_spec.rb", kind: "name", record: 1, valueHash: "giv", key: "first_name" }),
      finding({ path: "spec/user_spec.rb", kind: "name", record: 2, valueHash: "fam2", key: "姓" }),
      finding({ path: "spec/user_spec.rb", kind: "name", record: 2, valueHash: "giv2", key: "名" }),
      finding({ path: "spec/user_spec.rb", kind: "name", record: 3, valueHash: "fam3", key: "lastName" }),
      finding({ path: "spec/user_spec.rb", kind: "phone", record: 3, valueHash: "tel3", key: "tel" }),
      finding({ path: "spec/user_spec.rb", kind: "name", record: 4, valueHash: "full", key: "氏名" }),
    ];
    const r = countPersons(f, new Map());
    expect(r.total).toBe(3);
    expect(r.files[0].basis).toMatchObject({ records: 5, withoutPerson: 2 });
    // in a data file the record is a stored person whose other part was not recognised
    const data = countPersons(f.map((x) => ({ ...x, path: "fixtures/users.json" })), new Map());
    expect(data.total).toBe(5);
  });

  it("gives 0 persons for an address / postal code / phone list with nobody in it", () => {
    const f = [0, 1, 2, 3].flatMap((r) => [
      finding({ path: "stores.csv", kind: "address", record: r, valueHash: `a${r}` }),
      finding({ path: "stores.csv", kind: "phone", record: r, valueHash: `p${r}` }),
      finding({ path: "stores.csv", kind: "postal-code", record: r, valueHash: `z${r}` }),
    ]);
    const r = countPersons(f, new Map([["stores.csv", 4]]));
    expect(r.total).toBe(0);
    expect(r.files[0].basis.withoutPerson).toBe(4);
    expect(countPersons([finding({ path: "list.txt", kind: "address", line: 1, valueHash: "x" })]).total).toBe(0);
  });

  it("counts rows that repeat the same person once: e-mail, name + phone, name + birth date, name alone", () => {
    const rows = [
      // 10 orders of 3 staff: name alone
      ...Array.from({ length: 10 }, (_, r) => [finding({ path: "orders.csv", kind: "name", record: r, valueHash: `staff${r % 3}` })]),
      // 4 bookings of one customer: name + phone
      ...Array.from({ length: 4 }, (_, i) => [
        finding({ path: "orders.csv", kind: "name", record: 10 + i, valueHash: "guest" }),
        finding({ path: "orders.csv", kind: "phone", record: 10 + i, valueHash: "guest-phone" }),
      ]),
      // 3 rows of one e-mail under different name spellings
      ...Array.from({ length: 3 }, (_, i) => [
        finding({ path: "orders.csv", kind: "email", record: 14 + i, valueHash: "mail" }),
        finding({ path: "orders.csv", kind: "name", record: 14 + i, valueHash: `spelling${i}` }),
      ]),
    ].flat();
    const r = countPersons(rows, new Map([["orders.csv", 17]]));
    expect(r.total).toBe(3 + 1 + 1);
    expect(r.files[0].basis.repeated).toBe(17 - 5);
  });

  it("keeps two people of one name apart when their phones or birth dates differ", () => {
    const f = [0, 1].flatMap((r) => [
      finding({ path: "m.csv", kind: "name", record: r, valueHash: "same" }),
      finding({ path: "m.csv", kind: "dob", record: r, valueHash: `dob${r}` }),
    ]);
    expect(countPersons(f, new Map([["m.csv", 2]])).total).toBe(2);
  });

  it("counts a name split over family and given fields as one person", () => {
    const f = [0, 1].flatMap((r) => [
      finding({ path: "s.json", kind: "name", record: r, valueHash: `family${r}`, key: "last_name" }),
      finding({ path: "s.json", kind: "name", record: r, valueHash: `given${r}`, key: "first_name" }),
    ]);
    expect(countPersons(f, new Map([["s.json", 2]])).total).toBe(2);
  });

  it("outside tables takes the largest number of distinct values of one person kind", () => {
    const f = [
      ...[1, 2, 3].map((i) => finding({ path: "notes.md", kind: "name", line: i, valueHash: `n${i}` })),
      ...[1, 2, 3].map((i) => finding({ path: "notes.md", kind: "email", line: i, valueHash: `m${i}` })),
      finding({ path: "notes.md", kind: "email", line: 9, valueHash: "m1" }), // the same address again
      finding({ path: "notes.md", kind: "dob", line: 4, valueHash: "d" }),
    ];
    const r = countPersons(f);
    expect(persons(r)).toEqual([{ path: "notes.md", persons: 3 }]);
    expect(r.files[0].basis.method).toBe("values");
  });

  it("counts two people of one name in prose by their own phones, never past the names given", () => {
    const two = [1, 2].flatMap((i) => [
      finding({ path: "log.txt", kind: "name", line: i, valueHash: "same" }),
      finding({ path: "log.txt", kind: "phone", line: i, valueHash: `p${i}` }),
    ]);
    expect(countPersons(two).total).toBe(2);
    const company = [
      finding({ path: "about.md", kind: "name", line: 1, valueHash: "ceo" }),
      ...Array.from({ length: 21 }, (_, i) => finding({ path: "about.md", kind: "phone", line: 1, valueHash: `office${i}` })),
    ];
    expect(countPersons(company).total).toBe(1);
  });

  it("counts nobody for special-care or other data without an identified person", () => {
    expect(countPersons([finding({ path: "r.txt", kind: "medical", valueHash: "m" })]).total).toBe(0);
  });

  it("does not count author credits", () => {
    const f = [finding({ path: "package.json", kind: "email", line: 3, valueHash: "a", tags: ["contact", "author-credit"] })];
    expect(countPersons(f).total).toBe(0);
  });

  it("counts a person whose e-mail or identifier recurs in other files once", () => {
    const f = [
      finding({ path: "a.csv", kind: "email", record: 0, valueHash: "alice" }),
      finding({ path: "a.csv", kind: "email", record: 1, valueHash: "bob" }),
      finding({ path: "b.csv", kind: "my-number", record: 0, valueHash: "bob-mn" }),
      finding({ path: "b.csv", kind: "email", record: 0, valueHash: "bob" }),
      finding({ path: "b.csv", kind: "email", record: 1, valueHash: "carol" }),
      finding({ path: "c.txt", kind: "my-number", line: 3, valueHash: "bob-mn" }),
    ];
    const r = countPersons(f, new Map([["a.csv", 2], ["b.csv", 2]]));
    expect(persons(r)).toEqual([
      { path: "a.csv", persons: 2 },
      { path: "b.csv", persons: 2 },
      { path: "c.txt", persons: 1 },
    ]);
    expect(r.total).toBe(3); // alice, bob (in three files), carol
    expect(r.acrossFiles).toBe(2);
  });

  it("joins a seed and the test that repeats it by name + phone across files", () => {
    const rows = (path: string) =>
      [0, 1].flatMap((r) => [
        finding({ path, kind: "name", record: r, valueHash: `n${r}` }),
        finding({ path, kind: "phone", record: r, valueHash: `p${r}` }),
      ]);
    expect(countPersons([...rows("seed.json"), ...rows("seed_test.json")], new Map([["seed.json", 2], ["seed_test.json", 2]])).total).toBe(2);
  });

  it("does not join persons across files by a name alone (many people share one)", () => {
    const f = [
      finding({ path: "a.csv", kind: "name", record: 0, valueHash: "same-name" }),
      finding({ path: "b.csv", kind: "name", record: 0, valueHash: "same-name" }),
    ];
    expect(countPersons(f, new Map([["a.csv", 1], ["b.csv", 1]])).total).toBe(2);
  });

  it("maps cell suffixes (book.xlsx!Sheet1!C3) to their table unit", () => {
    const f = [0, 1, 2].map((r) => finding({ path: `book.xlsx!Sheet1!C${r + 2}`, kind: "name", record: r, valueHash: `n${r}` }));
    expect(persons(countPersons(f, new Map([["book.xlsx", 3]])))).toEqual([{ path: "book.xlsx", persons: 3 }]);
  });

  it("ignores credentials", () => {
    expect(countPersons([finding({ path: "a.env", kind: "aws-access-key", category: "secret" })]).total).toBe(0);
  });
});
