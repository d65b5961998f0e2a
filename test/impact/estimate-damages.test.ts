import { describe, expect, it } from "vitest";
import { estimateDamages } from "../../src/impact/estimate-damages.js";
import { jnsaLevels } from "../../src/impact/jnsa-levels.js";

// Hand-computed: per person = 500 × (10^(mental−1) + 5^(economic−1)) × identifiability × social × response.
const cases: { name: string; kinds: string[]; sensitive?: boolean; economic: number; mental: number; id: number; perPerson: number }[] = [
  { name: "name + address", kinds: ["name", "address"], economic: 1, mental: 1, id: 6, perPerson: 500 * (1 + 1) * 6 }, // 6,000
  { name: "name + phone", kinds: ["name", "phone"], economic: 1, mental: 1, id: 3, perPerson: 500 * 2 * 3 }, // 3,000
  { name: "address + phone", kinds: ["address", "phone"], economic: 1, mental: 1, id: 3, perPerson: 3000 },
  { name: "e-mail only", kinds: ["email"], economic: 1, mental: 1, id: 1, perPerson: 1000 },
  { name: "name + address + card", kinds: ["name", "address", "credit-card"], economic: 3, mental: 1, id: 6, perPerson: 500 * (1 + 25) * 6 }, // 78,000
  { name: "name + bank account", kinds: ["name", "bank-account"], economic: 2, mental: 1, id: 3, perPerson: 500 * (1 + 5) * 3 }, // 9,000
  { name: "name + address + My Number", kinds: ["name", "address", "my-number"], economic: 2, mental: 1, id: 6, perPerson: 500 * 6 * 6 }, // 18,000
  { name: "My Number alone", kinds: ["my-number"], economic: 2, mental: 1, id: 3, perPerson: 9000 },
  { name: "name + address + medical", kinds: ["name", "address", "medical"], economic: 1, mental: 3, id: 6, perPerson: 500 * (100 + 1) * 6 }, // 303,000
  { name: "name + address + card + medical", kinds: ["name", "address", "credit-card", "medical"], economic: 3, mental: 3, id: 6, perPerson: 500 * 125 * 6 }, // 375,000
  { name: "kana reading + address, tagged sensitive", kinds: ["name-kana", "address"], sensitive: true, economic: 1, mental: 3, id: 6, perPerson: 500 * 101 * 6 },
  { name: "date of birth only", kinds: ["dob"], economic: 1, mental: 1, id: 1, perPerson: 1000 },
];

describe("estimateDamages (JNSA model)", () => {
  it.each(cases)("$name: levels and yen per person", ({ kinds, sensitive, economic, mental, id, perPerson }) => {
    expect(jnsaLevels(kinds, sensitive)).toEqual({ economic, mental, identifiability: id });
    const d = estimateDamages([{ kinds, persons: 10, sensitive }]);
    expect(d.classes[0]).toMatchObject({ perPerson, total: perPerson * 10, persons: 10 });
    expect(d.total).toBe(perPerson * 10);
  });

  it("sums classes, largest first, and applies the social responsibility and response factors", () => {
    const classes = [
      { kinds: ["name", "address"], persons: 100 },
      { kinds: ["name", "address", "credit-card"], persons: 3 },
    ];
    const normal = estimateDamages(classes);
    expect(normal.total).toBe(100 * 6000 + 3 * 78000);
    expect(normal.classes.map((c) => c.total)).toEqual([600000, 234000]);
    const high = estimateDamages(classes, { socialResponsibility: "high", response: "inappropriate" });
    expect(high.total).toBe(normal.total * 4);
    expect(high.parameters).toMatchObject({ socialFactor: 2, responseFactor: 2 });
    expect(estimateDamages(classes, { socialResponsibility: "normal", response: "appropriate" }).total).toBe(normal.total);
  });

  it("drops empty classes and gives 0 for nothing", () => {
    expect(estimateDamages([{ kinds: ["name"], persons: 0 }])).toMatchObject({ total: 0, classes: [] });
    expect(estimateDamages([]).total).toBe(0);
  });
});
