import { describe, expect, it } from "vitest";
import { fakeCompany, fakePersons } from "../helpers/fake-person.js";
import { kindsByLine, scanText } from "./person-formats-helpers.js";

const people = fakePersons(2, 13);

function patientJson(p: (typeof people)[number], id: number): string[] {
  return [
    `{ "resource": { "resourceType": "Patient", "id": "p${id}",`,
    `  "name": [{ "use": "official", "family": "${p.sei}", "given": ["${p.mei}"] }],`,
    `  "telecom": [{ "value": "${p.mobile}", "system": "phone" }, { "system": "email", "value": "${p.email}" }],`,
    `  "birthDate": "${p.birth.iso}",`,
    `  "address": [{ "postalCode": "${p.zip}", "text": "${p.state}${p.city}${p.street}" }] } }`,
  ];
}

describe("FHIR resources", () => {
  it("a Bundle of Patients in JSON: each resource is a record, names, telecoms, birth dates and addresses are found", () => {
    const text = ['{ "resourceType": "Bundle", "type": "collection", "entry": [', ...patientJson(people[0], 1), ",", ...patientJson(people[1], 2), "] }", ""].join("\n");
    const { units, findings } = scanText("bundle.json", text);
    expect(units[0].records).toBe(2);
    const lines = kindsByLine(findings);
    expect(lines[3]).toEqual(["name", "name"]);
    expect(lines[4]).toEqual(["email", "phone"]); // the system follows the phone's value: resolved per object
    expect(lines[5]).toEqual(["dob"]);
    expect(lines[6]).toEqual(["address", "postal-code"]);
    expect(lines[9]).toEqual(["name", "name"]);
    expect(new Set(findings.map((f) => f.record))).toEqual(new Set([0, 1]));
    expect(findings.find((f) => f.line === 3)).toMatchObject({ key: "family_name" });
  });

  it("an Organization's phone and address are not a person's", () => {
    const p = people[0];
    const text = ["{", '  "resourceType": "Organization",', `  "name": "${fakeCompany(5)}",`, `  "telecom": [{ "system": "phone", "value": "${p.mobile}" }],`, `  "address": [{ "postalCode": "${p.zip}", "text": "${p.state}${p.city}${p.street}" }]`, "}", ""].join("\n");
    const { units, findings } = scanText("org.json", text);
    expect(findings).toEqual([]);
    expect(units[0].records).toBeUndefined();
  });

  it("a Patient in XML: value attributes get the keys, the Patient element is the record", () => {
    const p = people[1];
    const text = [
      '<Patient xmlns="http://hl7.org/fhir">',
      '  <id value="p1"/>',
      `  <name><family value="${p.sei}"/><given value="${p.mei}"/></name>`,
      `  <telecom><system value="phone"/><value value="${p.mobile}"/></telecom>`,
      `  <birthDate value="${p.birth.iso}"/>`,
      `  <address><postalCode value="${p.zip}"/></address>`,
      "</Patient>",
      "",
    ].join("\n");
    const { units, findings } = scanText("patient.xml", text);
    expect(units[0].records).toBe(1);
    // A FHIR Patient is a patient: the medical-context rule marks the resource as 要配慮 (line 7, </Patient>).
    expect(kindsByLine(findings)).toEqual({ 3: ["name", "name"], 4: ["phone"], 5: ["dob"], 6: ["postal-code"], 7: ["medical"] });
  });
});
