import { parse } from "yaml";
import { z } from "zod";
import { configSchema, type Config } from "./config-schema.js";
import { didYouMean } from "./suggest-key.js";

/** A configuration that cannot be used: names the file, the key and what would fix it. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly keys: string[],
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ConfigError";
  }
}

/** Parses and validates the text of a mamori.yml. An empty file is the default configuration. */
export function parseConfigText(text: string, file: string): Config {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, maxAliasCount: 50, prettyErrors: true }) ?? {};
  } catch (err) {
    // The parser's first line names the place and the problem; its later lines quote the source
    // line, which can hold a value (a pasted token): left out.
    const first = String((err as Error).message).split("\n")[0].replace(/:\s*$/, "");
    throw new ConfigError(file, [], `${file}: not valid YAML: ${first}`, { cause: err });
  }
  return validateConfig(data, file);
}

/**
 * Validates an already-parsed configuration object. `_extends` (which the GitHub App follows to
 * the organisation's defaults) is accepted and left to the caller: the file alone is validated.
 */
export function validateConfig(data: unknown, file: string): Config {
  const input = data !== null && typeof data === "object" && !Array.isArray(data) && "_extends" in data ? withoutExtends(data as Record<string, unknown>) : data;
  const result = configSchema.safeParse(input ?? {});
  if (!result.success) {
    const keys = result.error.issues.map((i) => i.path.join(".") || "(top level)");
    const hints = didYouMean(result.error.issues);
    const message = `${file}: invalid configuration\n${z.prettifyError(result.error)}${hints.length ? `\n${hints.join("\n")}` : ""}`;
    throw new ConfigError(file, keys, message, { cause: result.error });
  }
  return result.data;
}

function withoutExtends(data: Record<string, unknown>): Record<string, unknown> {
  const { _extends: _, ...rest } = data;
  return rest;
}
