import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtinRulesDir } from "./load-rules.js";
import { ruleJsonSchema } from "./rule-json-schema.js";

writeFileSync(join(builtinRulesDir, "schema.json"), JSON.stringify(ruleJsonSchema(), null, 2) + "\n");
