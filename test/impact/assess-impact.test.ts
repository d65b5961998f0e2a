import { describe, expect, it } from "vitest";
import { assessAppi } from "../../src/impact/assess-appi.js";
import { assessImpact } from "../../src/impact/assess-impact.js";
import { estimateCost } from "../../src/impact/estimate-cost.js";
import { responseSteps } from "../../src/impact/response-steps.js";
import type { Finding } from "../../src/engine/types.js";
import { finding } from "./helpers.js";

/** n rows of a customer table with a name and an e-mail each. */
function rows(n: number, path = "customers.csv", extra: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: n }, (_, r) => [
    finding({ path, kind: "name", record: r, valueHash: `${path}n${r}`, tags: ["name"] }),
    finding({ path, kind: "email", record: r, valueHash: `${path}e${r}`, tags: ["contact", "identifier"], ...extra }),
  ]).flat();
}

describe("assessAppi", () => {
  const base = { persons: 10, sensitive: false, financial: false, myNumberPersons: 0, publicRepository: false };
  it.each([
    [{}, []],
    [{ sensitive: true }, ["sensitive"]],
    [{ financial: true }, ["financial"]],
    [{ persons: 1000 }, []],
    [{ persons: 1001 }, ["over-1000-persons"]],
    [{ myNumberPersons: 100 }, []],
    [{ myNumberPersons: 101 }, ["my-number-over-100"]],
    [{ myNumberPersons: 1, publicRepository: true }, ["my-number-public"]],
    [{ publicRepository: true }, []],
    [{ sensitive: true, persons: 5000 }, ["sensitive", "over-1000-persons"]],
  ])("%o → %o", (facts, triggers) => {
    const appi = assessAppi({ ...base, ...facts });
    expect(appi.triggers).toEqual(triggers);
    expect(appi.reportRequired).toBe(triggers.length > 0);
    expect(appi.deadlines === null).toBe(triggers.length === 0);
  });
  it("states the 速報 and 確報 deadlines", () => {
    const d = assessAppi({ ...base, sensitive: true }).deadlines!;
    expect(d.preliminary).toMatch(/3–5 days/);
    expect(d.final).toMatch(/30 days.*60 days/);
  });
});

describe("estimateCost", () => {
  it.each([
    [100, false, 350_000, 600_000],
    [100, true, 1_550_000, 3_600_000],
    [0, false, 0, 0],
  ])("%i persons, sensitive %s → ¥%i–%i", (persons, sensitive, low, high) => {
    const e = estimateCost(persons, sensitive);
    expect([e.low, e.high, e.currency]).toEqual([low, high, "JPY"]);
    expect(e.basis).toMatch(/^estimate/);
  });
});

describe("responseSteps", () => {
  it("lists the five PPC steps once data reached a shared branch", () => {
    expect(responseSteps(3, true)).toEqual(["contain", "investigate", "assess-scope", "prevent-recurrence", "notify-and-publish"]);
  });
  it("is empty without persons or before the data is shared", () => {
    expect(responseSteps(0, true)).toEqual([]);
    expect(responseSteps(3, false)).toEqual([]);
  });
});

describe("assessImpact", () => {
  it("summarises a customer list of 1,204 rows: over 1,000 persons", () => {
    const impact = assessImpact(rows(1204), { tableRecords: new Map([["customers.csv", 1204]]) });
    expect(impact.persons).toBe(1204);
    expect(impact.files).toMatchObject([{ path: "customers.csv", persons: 1204, basis: { method: "records", repeated: 0 } }]);
    expect(impact.kinds).toEqual(["name", "email"]);
    expect(impact.appi).toMatchObject({ reportRequired: true, triggers: ["over-1000-persons"] });
    expect(impact.estimate.low).toBe(1204 * 3500);
    expect(impact.steps).toHaveLength(5);
    expect(impact.secrets).toBe(0);
  });

  it("flags special-care, financial data and My Numbers", () => {
    const f = [
      finding({ path: "p.csv", kind: "name", record: 0, valueHash: "patient" }),
      finding({ path: "p.csv", kind: "medical", record: 0, tags: ["sensitive"] }),
      finding({ path: "p.csv", kind: "credit-card", record: 1, tags: ["financial", "identifier"] }),
      finding({ path: "p.csv", kind: "my-number", record: 2, valueHash: "m", tags: ["my-number", "identifier"] }),
      finding({ path: ".env", kind: "aws-access-key", category: "secret" }),
    ];
    const impact = assessImpact(f, { publicRepository: true, tableRecords: new Map([["p.csv", 3]]) });
    expect(impact).toMatchObject({ persons: 3, sensitive: true, financial: true, myNumber: true, myNumberPersons: 1, secrets: 1 });
    expect(impact.kinds).toEqual(["name", "my-number", "credit-card", "medical"]);
    expect(impact.appi.triggers).toEqual(["sensitive", "financial", "my-number-public"]);
    expect(impact.estimate.high).toBe(3 * 36000);
  });

  it("triggers no APPI report for special-care or financial data of nobody identified", () => {
    const f = [finding({ path: "codes.csv", kind: "medical", record: 0, tags: ["sensitive"] })];
    const impact = assessImpact(f, { tableRecords: new Map([["codes.csv", 1]]) });
    expect(impact.persons).toBe(0);
    expect(impact.appi.reportRequired).toBe(false);
  });

  it("triggers no APPI report for special-care or financial data in a file without a person, whatever other files hold", () => {
    const f = [
      finding({ path: "vendor/codes.json", kind: "medical", record: 0, tags: ["sensitive"] }),
      finding({ path: "vendor/consts.cc", kind: "credit-card", line: 9, tags: ["financial", "identifier"], valueHash: "c" }),
      finding({ path: "test/users.test.ts", kind: "email", line: 3, valueHash: "e" }),
    ];
    // the card is its own holder's: with nothing else in its file it is one person, and financial
    const withCard = assessImpact(f, { tableRecords: new Map([["vendor/codes.json", 1]]) });
    expect(withCard.appi.triggers).toEqual(["financial"]);
    const withoutCard = assessImpact([f[0], f[2]], { tableRecords: new Map([["vendor/codes.json", 1]]) });
    expect(withoutCard.persons).toBe(1);
    expect(withoutCard.sensitive).toBe(true);
    expect(withoutCard.appi.reportRequired).toBe(false);
  });

  it("counts My Numbers of more than 100 persons", () => {
    const f = Array.from({ length: 101 }, (_, r) => finding({ path: "m.csv", kind: "my-number", record: r, valueHash: `m${r}`, tags: ["my-number"] }));
    expect(assessImpact(f, { tableRecords: new Map([["m.csv", 101]]) }).appi.triggers).toEqual(["my-number-over-100"]);
  });

  it("is empty for no findings", () => {
    const impact = assessImpact([]);
    expect(impact).toMatchObject({ persons: 0, files: [], kinds: [], sensitive: false, appi: { reportRequired: false, triggers: [], deadlines: null }, steps: [] });
    expect(impact.estimate).toMatchObject({ low: 0, high: 0 });
  });
});
