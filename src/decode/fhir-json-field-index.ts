import { FHIR_BODY_RESOURCES, FHIR_PERSON_RESOURCES, fhirKey } from "./fhir-key.js";
import type { FieldIndex } from "./field-index.js";
import { type FhirFieldEntry, fhirFieldLookup } from "./fhir-field-lookup.js";
import { walkJson } from "./walk-json.js";

interface Frame {
  object: boolean;
  /** Member key the container was opened under (undefined for an array element or the root). */
  name?: string;
  /** Scalars held by this object (directly or in arrays below it, before the next object). */
  entries: { offset: number; path: string[]; key?: string }[];
  system?: string;
  resourceType?: string;
  record?: number;
}

function text(raw: string): string {
  try {
    return String(JSON.parse(raw)).slice(0, 100);
  } catch {
    return raw.replace(/^"|"$/g, "").slice(0, 100);
  }
}

/**
 * FHIR resources in JSON (a Patient, or a Bundle of them): every scalar gets the key a column
 * header would have (see fhirKey: name.family → family_name, telecom of system phone → tel,
 * birthDate → birth_date, address.postalCode → postal_code; an Organization's contacts get
 * company_… keys), other scalars their own member key. Each Patient, Practitioner,
 * RelatedPerson or Person resource is one record.
 */
export function createFhirJsonFieldIndex(source: string): FieldIndex {
  const stack: Frame[] = [];
  const out: FhirFieldEntry[] = [];
  let currentKey: string | undefined;
  let records = 0;

  const holder = (): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].object) return stack[i];
    return undefined;
  };
  const pathHere = (own: string | undefined): string[] => {
    const names: string[] = [];
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].resourceType) break;
      if (stack[i].object && stack[i].name !== undefined) names.unshift(stack[i].name!);
    }
    if (own !== undefined) names.push(own);
    return names;
  };
  const resource = (): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].resourceType) return stack[i];
    return undefined;
  };

  walkJson(source, {
    open(kind) {
      const parent = stack[stack.length - 1];
      stack.push({ object: kind === "object", name: parent?.object ? currentKey : parent?.name, entries: [] });
      currentKey = undefined;
    },
    close(kind) {
      const frame = stack.pop();
      if (!frame) return;
      currentKey = undefined;
      if (kind !== "object" || !frame.object) {
        // an array's scalars were given to the enclosing object when seen
        return;
      }
      stack.push(frame); // resolve with the frame still in place (its resource and record)
      const res = resource();
      const record = res?.record ?? -1;
      const body = res?.resourceType !== undefined && FHIR_BODY_RESOURCES.has(res.resourceType);
      for (const e of frame.entries) {
        const key = res ? (fhirKey(e.path, frame.system, body) ?? e.key) : e.key;
        if (key !== undefined) out.push({ offset: e.offset, key, record });
      }
      stack.pop();
    },
    key(start, end) {
      currentKey = text(source.slice(start, end));
    },
    value(kind, start, end) {
      const parent = stack[stack.length - 1];
      const own = parent?.object ? currentKey : parent?.name;
      const h = holder();
      if (parent?.object && currentKey === "system" && kind === "string") parent.system = text(source.slice(start, end));
      if (parent?.object && currentKey === "resourceType" && kind === "string") {
        parent.resourceType = text(source.slice(start, end));
        if (FHIR_PERSON_RESOURCES.has(parent.resourceType)) parent.record = records++;
      }
      if (h) h.entries.push({ offset: start, path: pathHere(own), key: own });
      else if (own !== undefined) out.push({ offset: start, key: own, record: -1 });
    },
  });
  return fhirFieldLookup(out, records);
}
