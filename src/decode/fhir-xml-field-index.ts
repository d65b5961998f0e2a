import { FHIR_BODY_RESOURCES, FHIR_PERSON_RESOURCES, fhirKey } from "./fhir-key.js";
import type { FieldIndex } from "./field-index.js";
import { type FhirFieldEntry, fhirFieldLookup } from "./fhir-field-lookup.js";

interface Frame {
  name: string;
  entries: { offset: number; path: string[] }[];
  system?: string;
  resource?: string;
  record?: number;
}

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
const VALUE_ATTR = /\svalue\s*=\s*(["'])/;

const local = (name: string): string => name.slice(name.indexOf(":") + 1);

/**
 * FHIR resources in XML (`<Patient><name><family value="…"/>`): each `value` attribute gets the
 * key a column header would have (see fhirKey), every Patient, Practitioner, RelatedPerson or
 * Person element is one record, and an Organization's contacts get company_… keys. Elements
 * outside resources keep their own name as key.
 */
export function createFhirXmlFieldIndex(source: string): FieldIndex {
  const stack: Frame[] = [];
  const out: FhirFieldEntry[] = [];
  let records = 0;
  const resource = (): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].resource) return stack[i];
    return undefined;
  };
  const resolve = (frame: Frame): void => {
    const res = resource();
    const body = res?.resource !== undefined && FHIR_BODY_RESOURCES.has(res.resource);
    for (const e of frame.entries) {
      const key = (res && fhirKey(e.path, frame.system, body)) ?? e.path[e.path.length - 1];
      out.push({ offset: e.offset, key, record: res?.record ?? -1 });
    }
  };
  TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TAG.exec(source)) !== null) {
    if (m[2] === undefined) continue; // comment, declaration, CDATA
    const name = local(m[2]);
    // Text between tags (a narrative <div>) is keyed by its element, not by the last value attribute.
    const here = resource();
    if (m[1] === "/" && stack.length > 1) out.push({ offset: m.index, key: stack[stack.length - 2].name, record: here?.record ?? -1 });
    else if (m[1] !== "/" && m[4] !== "/") out.push({ offset: m.index + m[0].length, key: name, record: here?.record ?? (FHIR_PERSON_RESOURCES.has(name) ? records : -1) });
    if (m[1] === "/") {
      const i = stack.map((f) => f.name).lastIndexOf(name);
      if (i < 0) continue;
      while (stack.length > i) {
        resolve(stack[stack.length - 1]);
        stack.pop();
      }
      continue;
    }
    const frame: Frame = { name, entries: [] };
    if (FHIR_PERSON_RESOURCES.has(name) || FHIR_BODY_RESOURCES.has(name)) {
      frame.resource = name;
      if (FHIR_PERSON_RESOURCES.has(name)) frame.record = records++;
    }
    const attrs = m[3];
    const v = VALUE_ATTR.exec(attrs);
    const parent = stack[stack.length - 1];
    if (v && parent) {
      const offset = m.index + 1 + m[2].length + v.index + v[0].length;
      const path: string[] = [];
      for (let i = stack.length - 1; i >= 0 && !stack[i].resource; i--) path.unshift(stack[i].name);
      path.push(name);
      if (name === "system") parent.system = /value\s*=\s*["']([^"']*)/.exec(attrs)?.[1];
      parent.entries.push({ offset, path });
    }
    if (m[4] !== "/") stack.push(frame);
  }
  while (stack.length > 0) {
    resolve(stack[stack.length - 1]);
    stack.pop();
  }
  return fhirFieldLookup(out, records);
}
