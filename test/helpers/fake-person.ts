import { Faker, base, ja } from "@faker-js/faker";

/** A fictional person made by @faker-js/faker's Japanese locale (seeded: the same every run). */
export interface FakePerson {
  sei: string;
  mei: string;
  seiKana: string;
  meiKana: string;
  state: string;
  city: string;
  street: string;
  room: string;
  zip: string;
  mobile: string;
  email: string;
  birth: { y: number; m: number; d: number; iso: string };
}

const KANA = /^[ぁ-ん]+$/;
const kata = (s: string): string => s.replace(/[ぁ-ゖ]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

/** `count` fictional persons from a faker seeded with `seed`. */
export function fakePersons(count: number, seed = 7): FakePerson[] {
  const f = new Faker({ locale: [ja, base] });
  f.seed(seed);
  const given = f.definitions.person.first_name as unknown as Record<string, string[]>;
  const kanaNames = [...(given.female ?? []), ...(given.male ?? [])].filter((n) => KANA.test(n));
  return Array.from({ length: count }, () => {
    const birth = f.date.birthdate({ mode: "age", min: 20, max: 80 });
    const y = birth.getUTCFullYear();
    const m = birth.getUTCMonth() + 1;
    const d = birth.getUTCDate();
    return {
      sei: f.person.lastName(),
      mei: f.person.firstName(),
      seiKana: kata(f.helpers.arrayElement(kanaNames) + f.helpers.arrayElement(["タ", "ノ", "カワ"])),
      meiKana: kata(f.helpers.arrayElement(kanaNames)),
      state: f.location.state(),
      city: f.location.city(),
      street: f.location.street(),
      room: f.location.secondaryAddress(),
      zip: f.location.zipCode(),
      mobile: f.helpers.replaceSymbols(f.helpers.arrayElement(["090-5###-####", "080-4###-####", "070-3###-####"])),
      email: `${f.string.alpha({ length: 6, casing: "lower" })}.${f.string.alpha({ length: 5, casing: "lower" })}${f.number.int({ min: 10, max: 99 })}@${f.helpers.arrayElement(["gmail.com", "yahoo.co.jp", "docomo.ne.jp"])}`,
      birth: { y, m, d, iso: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` },
    };
  });
}

/** A company name of faker's Japanese locale. */
export function fakeCompany(seed = 7): string {
  const f = new Faker({ locale: [ja, base] });
  f.seed(seed);
  return f.company.name();
}
