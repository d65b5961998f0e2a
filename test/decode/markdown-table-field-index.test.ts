import { describe, expect, it } from "vitest";
import { createMarkdownTableFieldIndex } from "../../src/decode/markdown-table-field-index.js";

const md = ["# Contacts", "", "| Name | Tel |", "|:---|---:|", "| A B | 1 |", "| C \\| D | 2 |", "", "Prose | with a pipe", "", "x | y", "---|---", "e | f"].join("\n");

describe("createMarkdownTableFieldIndex", () => {
  const index = createMarkdownTableFieldIndex(md);
  const at = (needle: string) => index.fieldAt(md.indexOf(needle));

  it("gives each cell its column header and each row a record", () => {
    expect(at("A B")).toEqual({ key: "Name", record: 0 });
    expect(at("1 |")).toEqual({ key: "Tel", record: 0 });
    expect(at("2 |")).toEqual({ key: "Tel", record: 1 });
  });

  it("keeps an escaped pipe inside its cell", () => {
    expect(at("D |")).toEqual({ key: "Name", record: 1 });
  });

  it("reads tables without outer pipes and numbers rows across tables", () => {
    expect(at("f")).toEqual({ key: "y", record: 2 });
    expect(index.fieldAt(md.indexOf("\ne | f") + 1)).toEqual({ key: "x", record: 2 });
    expect(index.records).toBe(3);
    expect([...index.keys!()]).toEqual(["Name", "Tel", "x", "y"]);
  });

  it("gives text outside tables no field", () => {
    expect(at("Prose")).toBeUndefined();
    expect(at("Contacts")).toBeUndefined();
  });
});
