/** FHIR resources about a person: their fields are a person's data, one resource one record. */
export const FHIR_PERSON_RESOURCES = new Set(["Patient", "Practitioner", "RelatedPerson", "Person"]);
/** FHIR resources about an organisation or a place: their contacts are not a person's. */
export const FHIR_BODY_RESOURCES = new Set(["Organization", "Location", "Endpoint", "HealthcareService", "InsurancePlan"]);

/**
 * The column-header key of a FHIR element (JSON member or XML element), from the element names
 * of its path inside the resource (`["name", "family"]`, `["telecom", "value"]`), the telecom
 * `system` of the element's parent, and whether the resource is an organisation's: e.g.
 * name.family → family_name, telecom.value (system phone) → tel, birthDate → birth_date,
 * address.postalCode → postal_code, Organization's telecom → company_tel.
 */
export function fhirKey(path: readonly string[], system: string | undefined, body: boolean): string | undefined {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  const prefix = body ? "company_" : "";
  if (last === "birthDate") return "birth_date";
  if (parent === "telecom" && last === "value") {
    if (system === "email") return `${prefix}email`;
    if (system === "phone" || system === "sms" || system === "fax" || system === undefined) return `${prefix}tel`;
    return "url";
  }
  if (path.includes("address")) {
    if (last === "postalCode") return `${prefix}postal_code`;
    if (last === "text" || last === "line") return `${prefix}address`;
    if (last === "city" || last === "district") return `${prefix}city`;
    if (last === "state") return `${prefix}pref`;
    return undefined;
  }
  if (body && (last === "name" || last === "alias")) return "company_name";
  if (parent === "name") {
    if (last === "family") return "family_name";
    if (last === "given") return "given_name";
    if (last === "text") return "full_name";
  }
  return undefined;
}
