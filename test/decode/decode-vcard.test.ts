import { describe, expect, it } from "vitest";
import { fakeCompany, fakePersons } from "../helpers/fake-person.js";
import { kindsByLine, scanText } from "./person-formats-helpers.js";

const [a, b] = fakePersons(2, 11);

function card(p: (typeof a)): string {
  return [
    "BEGIN:VCARD",
    "VERSION:3.0",
    `N:${p.sei};${p.mei};;;`,
    `FN:${p.sei} ${p.mei}`,
    `X-PHONETIC-LAST-NAME:${p.seiKana}`,
    `TEL;TYPE=CELL:${p.mobile}`,
    `EMAIL;TYPE=INTERNET:${p.email}`,
    `ADR;TYPE=HOME:;${p.room};${p.street};${p.city};${p.state};${p.zip};Japan`,
    `BDAY:${p.birth.iso}`,
    "END:VCARD",
  ].join("\r\n");
}

describe("vCard", () => {
  it("each field of a person's card is found on its line, and each card is one record", () => {
    const { units, findings } = scanText("contacts.vcf", `${card(a)}\r\n${card(b)}\r\n`);
    expect(units).toHaveLength(1);
    expect(units[0].records).toBe(2);
    const lines = kindsByLine(findings);
    expect(lines[3]).toEqual(["name", "name"]); // N: family and given name
    expect(lines[4]).toEqual(["name"]);
    expect(lines[5]).toEqual(["name-kana"]);
    expect(lines[6]).toEqual(["phone"]);
    expect(lines[7]).toEqual(["email"]);
    expect(lines[8]).toEqual(["address", "postal-code"]);
    expect(lines[9]).toEqual(["dob"]);
    expect(lines[13]).toEqual(["name", "name"]);
    expect(new Set(findings.map((f) => f.record))).toEqual(new Set([0, 1]));
    // a verbatim value is located at its own column: the phone after "TEL;TYPE=CELL:"
    expect(findings.find((f) => f.kind === "phone")).toMatchObject({ line: 6, column: 15, key: "tel" });
  });

  it("a vCard 2.1 card with quoted-printable UTF-8 values is decoded", () => {
    const qp = (s: string) => [...Buffer.from(s, "utf8")].map((x) => `=${x.toString(16).toUpperCase().padStart(2, "0")}`).join("");
    const text = ["BEGIN:VCARD", "VERSION:2.1", `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp(a.sei)};${qp(a.mei)}`, `TEL;CELL:${a.mobile}`, "END:VCARD", ""].join("\r\n");
    const { findings } = scanText("old-phone.vcf", text);
    expect(kindsByLine(findings)).toEqual({ 3: ["name", "name"], 4: ["phone"] });
  });

  it("a company's card (ORG only, X-ABShowAs:COMPANY) holds no person", () => {
    const org = fakeCompany(3);
    const text = ["BEGIN:VCARD", "VERSION:3.0", `FN:${org}`, `ORG:${org}`, `TEL;TYPE=WORK:${a.mobile.replace(/^0[789]0/, "03")}`, `ADR;TYPE=WORK:;;${a.street};${a.city};${a.state};${a.zip};Japan`, "X-ABShowAs:COMPANY", "END:VCARD", ""].join("\n");
    const { units, findings } = scanText("companies.vcf", text);
    expect(findings).toEqual([]);
    expect(units[0].records).toBeUndefined();
  });
});
