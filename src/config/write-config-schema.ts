import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "./config-json-schema.js";

/** `node lib/config/write-config-schema.js`: regenerates docs/mamori.schema.json. */
writeFileSync(fileURLToPath(new URL("../../docs/mamori.schema.json", import.meta.url)), JSON.stringify(configJsonSchema(), null, 2) + "\n");
