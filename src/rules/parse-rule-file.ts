import { parse } from "yaml";
import { ruleFileSchema, type Rule } from "./rule-schema.js";

/** A rule file that does not parse or validate: the message names the file and the key. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
    this.name = "RuleFileError";
  }
}

/** Parses and validates one YAML rule file (text), naming the file and key on any error. */
export function parseRuleFile(file: string, text: string): Rule[] {
  let data: unknown;
  try {
    data = parse(text, { uniqueKeys: true, maxAliasCount: 50, prettyErrors: true });
  } catch (err) {
    throw new RuleFileError(file, `not valid YAML: ${(err as Error).message}`, { cause: err });
  }
  const result = ruleFileSchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const path = issue.path
        .map((p, i) => describeKey(data, issue.path.slice(0, i), p))
        .reduce((acc, part) => (part.startsWith("[") || acc === "" ? acc + part : `${acc}.${part}`), "");
      return `  - ${path || "(top level)"}: ${issue.message}`;
    });
    throw new RuleFileError(file, `invalid rule file:\n${issues.join("\n")}`, { cause: result.error });
  }
  return result.data.rules;
}

/** `rules[3]` becomes `rules[3](id=aws-access-key)` so the author finds the rule at once. */
function describeKey(root: unknown, parents: PropertyKey[], key: PropertyKey): string {
  let node: unknown = root;
  for (const p of parents) node = (node as Record<PropertyKey, unknown> | undefined)?.[p];
  if (typeof key === "number") {
    const item = (node as unknown[] | undefined)?.[key] as { id?: unknown } | undefined;
    return typeof item?.id === "string" ? `[${key}](id=${item.id})` : `[${key}]`;
  }
  return String(key);
}
