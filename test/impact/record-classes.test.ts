import { describe, expect, it } from "vitest";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { recordClasses } from "../../src/impact/record-classes.js";
import { finding } from "./helpers.js";

describe("recordClasses", () => {
  it("groups table records by the kinds they hold", () => {
    const facts = [
      ...[0, 1, 2].flatMap((r) => [finding({ path: "c.csv", kind: "name", record: r }), finding({ path: "c.csv", kind: "address", record: r })]),
      finding({ path: "c.csv", kind: "credit-card", record: 2 }),
    ];
    const classes = recordClasses(facts, [{ path: "c.csv", persons: 3 }], 3, new Map([["c.csv", 3]]));
    expect(classes).toEqual(
      expect.arrayContaining([
        { kinds: ["address", "name"], persons: 2, sensitive: false },
        { kinds: ["address", "credit-card", "name"], persons: 1, sensitive: false },
      ]),
    );
  });

  it("makes a non-table file one class for its persons, and scales to the deduplicated total", () => {
    const facts = [
      finding({ path: "notes.md", kind: "name", line: 1, valueHash: "a" }),
      finding({ path: "notes.md", kind: "phone", line: 2, valueHash: "b" }),
      finding({ path: "other.md", kind: "phone", line: 1, valueHash: "b" }),
    ];
    const files = [
      { path: "notes.md", persons: 1 },
      { path: "other.md", persons: 1 },
    ];
    expect(recordClasses(facts, files, 2)).toHaveLength(2);
    const scaled = recordClasses(facts, files, 1);
    expect(scaled.reduce((s, c) => s + c.persons, 0)).toBe(1);
  });

  it("marks a record with a sensitive finding; assessImpact prices it as 要配慮", () => {
    const facts = [
      finding({ path: "p.csv", kind: "name", record: 0 }),
      finding({ path: "p.csv", kind: "address", record: 0 }),
      finding({ path: "p.csv", kind: "medical", record: 0, tags: ["sensitive"] }),
      finding({ path: "p.csv", kind: "name", record: 1, valueHash: "another-name" }),
      finding({ path: "p.csv", kind: "address", record: 1 }),
    ];
    const impact = assessImpact(facts, { tableRecords: new Map([["p.csv", 2]]) });
    expect(impact.damages?.classes.map((c) => [c.persons, c.perPerson])).toEqual([
      [1, 303000],
      [1, 6000],
    ]);
    expect(impact.damages?.total).toBe(309000);
  });
});
