import { writeFileSync } from "node:fs";
import type { Config } from "../config/config-schema.js";
import { loadRules } from "../rules/load-rules.js";
import { selectRules } from "../rules/select-rules.js";
import { UsageError } from "./usage-error.js";

/**
 * `mamori rules`: the built-in rules, or with `--config FILE` the rules that configuration runs
 * (custom rules included and marked, disabled ones left out, severities as overridden).
 */
export function listRules(
  write: (s: string) => void,
  format: string,
  language: "ja" | "en",
  options: { output?: string; config?: Config } = {},
): number {
  const builtin = loadRules();
  const rules = options.config ? selectRules(builtin, options.config) : builtin;
  const custom = new Set(options.config?.custom.map((r) => r.id) ?? []);
  let out: string;
  if (format === "json") {
    out =
      JSON.stringify(
        rules.map((r) => ({
          id: r.id,
          category: r.category,
          kind: r.kind,
          severity: r.severity,
          title: r.title,
          keywords: r.keywords,
          validator: r.validator ?? null,
          docs: r.docs ?? null,
          ...(options.config ? { source: custom.has(r.id) ? "custom" : "built-in" } : {}),
        })),
        null,
        2,
      ) + "\n";
  } else if (format === "text") {
    const w = Math.max(...rules.map((r) => r.id.length));
    const mark = (id: string) => (custom.has(id) ? "  (custom)" : "");
    out =
      rules.map((r) => `${r.id.padEnd(w)}  ${r.category.padEnd(6)}  ${r.severity.padEnd(8)}  ${r.title[language]}${mark(r.id)}`).join("\n") +
      `\n${rules.length} rules${custom.size ? ` (${custom.size} custom)` : ""}\n`;
  } else throw new UsageError("mamori rules supports --format text or json");
  if (options.output) writeFileSync(options.output, out);
  else write(out);
  return 0;
}
