import { fakerDE, fakerEN, fakerFR, fakerNL } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { latinNamePart } from "../../../src/engine/validators/latin-name-part.js";
import { knownWorldName } from "../../../src/engine/validators/known-latin-name.js";

fakerEN.seed(5);
fakerDE.seed(5);
const word = (f: typeof fakerEN) => {
  for (;;) {
    const n = f.person.lastName();
    if (/^[A-Z][a-z]{3,}$/.test(n)) return n;
  }
};
/** A generated family name with one vowel given a diacritic (ø, ā, é, ü). */
const diacritic = () => word(fakerEN).replace(/[aeiou]/, (v) => ({ a: "ā", e: "é", i: "ï", o: "ø", u: "ü" })[v]!);

describe("latinNamePart", () => {
  it("accepts English, German, French and Dutch names of faker's lists", () => {
    for (const f of [fakerEN, fakerDE, fakerFR, fakerNL]) {
      const first = f.person.firstName().split(/[ -]/)[0];
      if (/^[A-Z][a-z]+$/.test(first)) expect(latinNamePart(first)).toBeTruthy();
    }
  });

  it("accepts a family name with diacritics, after a particle, or with an apostrophe", () => {
    expect(latinNamePart(diacritic())).toBeTruthy();
    expect(latinNamePart(`von ${word(fakerDE)}`)).toBeTruthy();
    expect(latinNamePart(`al-${word(fakerEN)}`)).toBeTruthy();
    expect(latinNamePart(`van der ${word(fakerEN)}`)).toBeTruthy();
    expect(latinNamePart(`O'${word(fakerEN)}`)).toBeTruthy();
  });

  it("rejects placeholders, UI words and non-Latin scripts", () => {
    for (const v of ["Test", "Admin", "Demo", "User", "Guest", "Taro", "Yamada", "Submit", "Cancel", "Preview"]) expect(latinNamePart(v)).toBe(false);
    for (const v of ["Иван", "Ωmega", "lowercase", "X"]) expect(latinNamePart(v)).toBe(false);
  });

  it("knows given names of other locales the English list lacks", () => {
    const german = fakerDE.person.firstName();
    expect(knownWorldName(german.split(/[ -]/)[0])).toBe(true);
    expect(knownWorldName("Preview")).toBe(false);
  });
});
