import { distance } from "fastest-levenshtein";
import { z } from "zod";
import { configSchema } from "./config-schema.js";

/**
 * For a key the configuration does not know (`pii.kind`), the known key at the same place that
 * it most likely misspells (`kinds`), or undefined when none is close (at most 2 edits, and
 * fewer than half the letters). Case is ignored (`FailOn` -> `failOn`).
 */
export function suggestKey(path: readonly PropertyKey[], key: string): string | undefined {
  const known = keysAt(configSchema, path);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= 2 && bestDistance < Math.max(2, key.length / 2) ? best : undefined;
}

/** "did you mean" lines for the unknown keys among zod's issues, e.g. `pii.kind: did you mean "pii.kinds"?`. */
export function didYouMean(issues: readonly z.core.$ZodIssue[]): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    for (const key of issue.keys) {
      const guess = suggestKey(issue.path, key);
      const at = issue.path.map(String);
      if (guess) out.push(`${[...at, key].join(".")}: did you mean "${[...at, guess].join(".")}"?`);
    }
  }
  return out;
}

/** The keys of the object schema found by following `path` (array indexes step into the element). */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let s: z.core.$ZodType | undefined = unwrap(schema);
  for (const step of path) {
    if (!s) return [];
    if (s instanceof z.ZodArray) s = unwrap(s.element as z.core.$ZodType);
    else if (s instanceof z.ZodObject && typeof step === "string") s = unwrap(s.shape[step] as z.core.$ZodType | undefined);
    else if (s instanceof z.ZodRecord) s = unwrap(s.valueType as z.core.$ZodType);
    else return [];
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function unwrap(schema: z.core.$ZodType | undefined): z.core.$ZodType | undefined {
  let s = schema;
  for (let i = 0; i < 10 && s; i++) {
    if (s instanceof z.ZodDefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap() as z.core.$ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.core.$ZodType;
    else break;
  }
  return s;
}
