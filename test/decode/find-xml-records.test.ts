import { fakerJA as faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { findXmlRecords, xmlRecordAt } from "../../src/decode/find-xml-records.js";
import { createXmlFieldIndex } from "../../src/decode/xml-field-index.js";

faker.seed(31);
const customer = (i: number) =>
  `  <customer id="${i}">\n    <name>${faker.person.lastName()} ${faker.person.firstName()}</name>\n    <email>${faker.internet.email()}</email>\n  </customer>\n`;

describe("findXmlRecords", () => {
  it("takes repeated sibling elements with children as rows, their children as columns", () => {
    const n = faker.number.int({ min: 3, max: 9 });
    const xml = `<?xml version="1.0"?>\n<!-- export -->\n<customers>\n${Array.from({ length: n }, (_, i) => customer(i + 1)).join("")}</customers>\n`;
    const rows = findXmlRecords(xml)!;
    expect(rows.name).toBe("customer");
    expect(rows.starts).toHaveLength(n);
    const index = createXmlFieldIndex(xml);
    expect(index.records).toBe(n);
    for (let i = 0; i < n; i++) {
      const at = xml.indexOf("<email>", rows.starts[i]) + "<email>".length;
      expect(xmlRecordAt(rows, at)).toBe(i);
      expect(index.fieldAt(at)).toEqual({ key: "email", record: i });
    }
    // Outside every row (the root's own text): one shared record after the last.
    expect(xmlRecordAt(rows, xml.indexOf("<customers>") + 3)).toBe(-1);
  });

  it("picks the most repeated group, and rows nested one level deeper", () => {
    const orders = Array.from({ length: 4 }, (_, i) => `<order><no>${i}</no><customer><name>${faker.person.lastName()}</name></customer></order>`).join("");
    const rows = findXmlRecords(`<export><meta><created>x</created></meta><orders>${orders}</orders></export>`)!;
    expect(rows.name).toBe("order");
    expect(rows.starts).toHaveLength(4);
  });

  it.each([
    ["a configuration without repetition", '<configuration><appSettings><add key="A" value="1"/></appSettings><db><host>h</host></db></configuration>'],
    ["repeated leaves (a list of values, no columns)", `<names>${Array.from({ length: 5 }, () => `<name>${faker.person.lastName()}</name>`).join("")}</names>`],
    ["one record only", `<people>${customer(1)}</people>`],
    ["self-closing repeated elements", '<list><item a="1"/><item a="2"/><item a="3"/></list>'],
  ])("finds no rows in %s", (_, xml) => {
    expect(findXmlRecords(xml)).toBeUndefined();
    expect(createXmlFieldIndex(xml).records).toBeUndefined();
  });

  it("reads unclosed elements and stray end tags (rows still found after them)", () => {
    const rows = Array.from({ length: 3 }, (_, i) => customer(i)).join("");
    const xml = "<a>" + "<b><c>".repeat(2_000) + "</x>".repeat(2_000) + "</a>" + `<list>${rows}</list>`;
    expect(findXmlRecords(xml)?.starts).toHaveLength(3);
  });
});
