import { parse } from "yaml";
import { z } from "zod";
import { configSchema, type Config } from "./config-schema.js";

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
    throw new ConfigError(file, [], `${file}: not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  return validateConfig(data, file);
}

/** Validates an already-parsed configuration object. */
export function validateConfig(data: unknown, file: string): Config {
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const keys = result.error.issues.map((i) => i.path.join(".") || "(top level)");
    throw new ConfigError(file, keys, `${file}: invalid configuration\n${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}
