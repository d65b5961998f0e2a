import { z } from "zod";
import { ruleFileSchema } from "./rule-schema.js";

/** JSON Schema of a rule file, for editors (`# yaml-language-server: $schema=../schema.json`). */
export function ruleJsonSchema(): object {
  return {
    ...(z.toJSONSchema(ruleFileSchema, { io: "input" }) as object),
    $id: "https://github.com/mamori/mamori/rules/schema.json",
    title: "Mamori rule file",
  };
}
