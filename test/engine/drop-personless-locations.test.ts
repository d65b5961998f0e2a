import { describe, expect, it } from "vitest";
import { dropPersonlessLocations } from "../../src/engine/drop-personless-locations.js";

const f = (kind: string, tags: string[] = [], category = "pii") => ({ category, kind, tags });

describe("dropPersonlessLocations", () => {
  it("drops addresses, postal codes and phones when nobody is identified", () => {
    const secret = f("aws-access-key", [], "secret");
    expect(dropPersonlessLocations([f("address"), f("postal-code"), f("phone"), f("dob"), secret])).toEqual([f("dob"), secret]);
  });

  it("keeps them beside a name, a personal e-mail or an identifier", () => {
    for (const who of ["name", "name-kana", "email", "my-number", "passport"]) {
      const list = [f("address"), f("phone"), f(who)];
      expect(dropPersonlessLocations(list)).toBe(list);
    }
  });

  it("does not count an author credit as a person", () => {
    expect(dropPersonlessLocations([f("address"), f("email", ["author-credit"])])).toEqual([f("email", ["author-credit"])]);
  });
});
