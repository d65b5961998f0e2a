import { z } from "zod";
import { configSchema } from "./config-schema.js";

/** JSON Schema of `.github/mamori.yml` (`# yaml-language-server: $schema=…`), generated from the zod schema. */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  const properties = { ...(schema.properties as Record<string, unknown>), _extends: {
    type: "string",
    description: "Configuration to inherit, e.g. `.github` (the organisation's .github repository) or `other-repo:path/file.yml`.",
  } };
  return {
    ...schema,
    properties,
    $id: "https://github.com/mamori/mamori/docs/mamori.schema.json",
    title: "Mamori configuration (.github/mamori.yml)",
  };
}
