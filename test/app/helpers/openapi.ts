import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

// Only the one description of api.github.com (13 MB, ~100 ms); never the package root (ten specs, ~1 GB).
const specPath = createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
type Schema = Record<string, unknown>;
let spec: { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> } }>>; components: Schema } | undefined;
let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();
let routes: { method: string; template: string; re: RegExp }[] | undefined;

/** Rewrites the spec for Ajv: refs into a registered components schema, `nullable` as `anyOf null`, and no unknown keys on our objects. */
function prepare(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => prepare(n, strict));
  if (typeof node !== "object" || node === null) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "$ref" && typeof v === "string") out.$ref = v.replace(/^#\/components\//, "components#/");
    else if (k === "nullable" || k === "example" || k === "examples" || k === "discriminator") continue;
    else out[k] = prepare(v, strict);
  }
  if (strict && out.type === "object" && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  if ((node as Schema).nullable === true) {
    if (typeof out.type === "string") return { anyOf: [out, { type: "null" }] };
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function load() {
  if (spec) return;
  spec = JSON.parse(readFileSync(specPath, "utf8"));
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema({ $id: "components", ...(prepare(spec!.components, false) as Schema) });
  routes = [];
  for (const [template, ops] of Object.entries(spec!.paths)) {
    const re = new RegExp("^" + template.replace(/\{(path|basehead)\}/g, "(.+)").replace(/\{[^}]+\}/g, "[^/]+") + "$");
    for (const method of Object.keys(ops)) routes.push({ method: method.toUpperCase(), template, re });
  }
  // Literal segments first: "/check-runs/{id}" must not lose to "/{ref}" style templates.
  routes.sort((a, b) => (b.template.match(/\{/g)?.length ?? 0) < (a.template.match(/\{/g)?.length ?? 0) ? 1 : -1);
}

/**
 * Validates a request body against GitHub's OpenAPI operation for `method` + `path`. Returns the
 * list of problems (empty when valid); unknown keys in our objects are problems too.
 */
export function validateRequestBody(method: string, path: string, body: unknown): string[] {
  load();
  const route = routes!.find((r) => r.method === method.toUpperCase() && r.re.test(path));
  if (!route) return [`no OpenAPI operation for ${method} ${path}`];
  const op = spec!.paths[route.template][method.toLowerCase()];
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  if (!schema) return body === undefined || body === "" ? [] : [`${method} ${route.template} takes no JSON body`];
  const key = `${method} ${route.template}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv!.compile(prepare(schema, true) as Schema);
    compiled.set(key, validate);
  }
  const problems: string[] = [];
  if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${key}: ${e.instancePath || "(body)"} ${e.message} ${JSON.stringify(e.params)}`));
  // What the description says in prose: columns only on one-line annotations.
  const annotations = (body as { output?: { annotations?: { start_line: number; end_line: number; start_column?: number }[] } })?.output?.annotations ?? [];
  for (const a of annotations) if (a.start_column !== undefined && a.start_line !== a.end_line) problems.push(`${key}: start_column on a multi-line annotation`);
  return problems;
}
