import { describe, expect, it } from "vitest";
import { countPersons } from "../../src/impact/count-persons.js";
import { finding } from "./helpers.js";

describe("countPersons", () => {
  it("counts distinct records with personal data in a table", () => {
    const f = [
      finding({ path: "a.csv", kind: "name", record: 0, valueHash: "n0" }),
      finding({ path: "a.csv", kind: "phone", record: 0, valueHash: "p0" }),
      finding({ path: "a.csv", kind: "name", record: 1, valueHash: "n1" }),
      finding({ path: "a.csv", kind: "dob", record: 2, valueHash: "d2" }),
    ];
    expect(countPersons(f, new Map([["a.csv", 10]]))).toEqual({ total: 3, files: [{ path: "a.csv", persons: 3 }] });
  });

  it("outside tables takes the largest number of distinct values of one identifying kind", () => {
    const f = [
      ...[1, 2, 3].map((i) => finding({ path: "notes.md", kind: "name", line: i, valueHash: `n${i}` })),
      ...[1, 2, 3].map((i) => finding({ path: "notes.md", kind: "phone", line: i, valueHash: `p${i}` })),
      finding({ path: "notes.md", kind: "phone", line: 9, valueHash: "p1" }), // the same number again
      finding({ path: "notes.md", kind: "dob", line: 4, valueHash: "d" }),
      finding({ path: "notes.md", kind: "dob", line: 5, valueHash: "e" }),
    ];
    expect(countPersons(f).files).toEqual([{ path: "notes.md", persons: 3 }]);
  });

  it("treats key/value files (record always 0, not in tableRecords) as prose", () => {
    const f = [
      finding({ path: "app.yml", kind: "email", record: 0, line: 1, valueHash: "a" }),
      finding({ path: "app.yml", kind: "email", record: 0, line: 2, valueHash: "b" }),
    ];
    expect(countPersons(f).total).toBe(2);
  });

  it("counts one person for non-identifying data alone", () => {
    expect(countPersons([finding({ path: "r.txt", kind: "medical", valueHash: "m" })]).total).toBe(1);
  });

  it("deduplicates a person whose e-mail, phone or My Number recurs in other files", () => {
    const f = [
      finding({ path: "a.csv", kind: "email", record: 0, valueHash: "alice" }),
      finding({ path: "a.csv", kind: "email", record: 1, valueHash: "bob" }),
      finding({ path: "b.csv", kind: "phone", record: 0, valueHash: "bob-phone" }),
      finding({ path: "b.csv", kind: "email", record: 0, valueHash: "bob" }),
      finding({ path: "b.csv", kind: "email", record: 1, valueHash: "carol" }),
      finding({ path: "c.txt", kind: "phone", line: 3, valueHash: "bob-phone" }),
    ];
    const tables = new Map([["a.csv", 2], ["b.csv", 2]]);
    const r = countPersons(f, tables);
    expect(r.files).toEqual([
      { path: "a.csv", persons: 2 },
      { path: "b.csv", persons: 2 },
      { path: "c.txt", persons: 1 },
    ]);
    // alice, bob (in three files), carol
    expect(r.total).toBe(3);
  });

  it("does not join persons by names (many people share one)", () => {
    const f = [
      finding({ path: "a.csv", kind: "name", record: 0, valueHash: "same-name" }),
      finding({ path: "b.csv", kind: "name", record: 0, valueHash: "same-name" }),
    ];
    expect(countPersons(f, new Map([["a.csv", 1], ["b.csv", 1]])).total).toBe(2);
  });

  it("joins entries through a chain of identifiers (e-mail in one file, e-mail + phone in another, phone in a third)", () => {
    const f = [
      finding({ path: "a.csv", kind: "email", record: 0, valueHash: "e" }),
      finding({ path: "b.csv", kind: "email", record: 0, valueHash: "e" }),
      finding({ path: "b.csv", kind: "phone", record: 0, valueHash: "p" }),
      finding({ path: "c.csv", kind: "phone", record: 0, valueHash: "p" }),
    ];
    expect(countPersons(f, new Map([["a.csv", 1], ["b.csv", 1], ["c.csv", 1]])).total).toBe(1);
  });

  it("maps cell suffixes (book.xlsx!Sheet1!C3) to their table unit", () => {
    const f = [0, 1, 2].map((r) => finding({ path: `book.xlsx!Sheet1!C${r + 2}`, kind: "name", record: r, valueHash: `n${r}` }));
    expect(countPersons(f, new Map([["book.xlsx", 3]])).files).toEqual([{ path: "book.xlsx", persons: 3 }]);
  });

  it("ignores credentials", () => {
    expect(countPersons([finding({ path: "a.env", kind: "aws-access-key", category: "secret" })]).total).toBe(0);
  });
});
