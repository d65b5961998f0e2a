import { z } from "zod";
import { configSchema, type Config } from "./config-schema.js";
import { ConfigError } from "./parse-config-text.js";
import { suggestKey } from "./suggest-key.js";

export { ConfigError };

const SCHEMA_HINT = "docs/mamori.schema.json";

/**
 * Validates one raw configuration object (parsed YAML) with zod. Throws a ConfigError whose
 * message has the file, every wrong key (z.prettifyError) and a fix for each.
 */
export function parseConfig(source: string, raw: unknown): Config {
  const input = raw === null || raw === undefined ? {} : raw;
  if (typeof input === "object" && !Array.isArray(input) && "_extends" in input) {
    const { _extends: _, ...rest } = input as Record<string, unknown>;
    return parseConfig(source, rest);
  }
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  const keys = result.error.issues.map((issue) => keyOf(issue));
  const fixes = result.error.issues.map((issue) => `- \`${keyOf(issue) || "(top level)"}\`: ${fixOf(issue)}`);
  const message = [
    `Invalid configuration in ${source}`,
    z.prettifyError(result.error),
    "How to fix:",
    ...fixes,
    `Edit ${source} on the default branch (the JSON Schema ${SCHEMA_HINT} lists every key), then re-run the check.`,
  ].join("\n");
  throw new ConfigError(source, keys, message, { cause: result.error });
}

function keyOf(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  // Several unknown keys are siblings: `pii.a, pii.b`, not a path `pii.a.b`.
  if (issue.code === "unrecognized_keys") return issue.keys.map((k) => [...path, k].join(".")).join(", ");
  return path.join(".");
}

function fixOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const guesses = issue.keys.flatMap((k) => {
        const guess = suggestKey(issue.path, k);
        return guess ? [`did you mean \`${guess}\` for \`${k}\`? `] : [];
      });
      return `${guesses.join("")}remove or rename ${issue.keys.map((k) => `\`${k}\``).join(", ")}: it is not a Mamori setting (a typo would silently weaken the scan, so unknown keys are errors).`;
    }
    case "invalid_value":
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "invalid_type":
      return `give a value of type ${issue.expected}.`;
    case "too_small":
      return `the value is too small or too short (minimum ${String(issue.minimum)}).`;
    case "too_big":
      return `the value is too big or too long (maximum ${String(issue.maximum)}).`;
    case "invalid_format":
      return `the value must be a valid ${issue.format}.`;
    default:
      return issue.message;
  }
}
