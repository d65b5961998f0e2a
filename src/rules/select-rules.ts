import type { Config } from "../config/config-schema.js";
import type { Rule } from "./rule-schema.js";

/** What a rule id looks like; anything else (a value pasted into the wrong key) is not echoed in the error. */
const RULE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

/** The rules a configuration asks for: built-in rules enabled/disabled, severities overridden, custom rules added. */
export function selectRules(builtin: readonly Rule[], config: Config): Rule[] {
  const enable = new Set(config.rules.enable);
  const disable = new Set(config.rules.disable);
  const kinds = new Set(config.pii.kinds);
  const all = [...builtin, ...config.custom];
  const known = new Set(all.map((r) => r.id));
  for (const id of [...enable, ...disable, ...Object.keys(config.rules.severity)]) {
    if (!known.has(id)) throw new Error(`rules: unknown rule id ${RULE_ID.test(id) ? `"${id}"` : `(${id.length} characters, not shown: not shaped like a rule id)`} (see \`mamori rules\` for the list)`);
  }
  // An unknown kind would silently turn personal-data detection off: it is an error.
  const piiKinds = new Set(all.filter((r) => r.category === "pii").map((r) => r.kind));
  const unknownKinds = [...kinds].filter((k) => !piiKinds.has(k));
  if (unknownKinds.length > 0) {
    throw new Error(`pii.kinds: unknown kind${unknownKinds.length > 1 ? "s" : ""} ${unknownKinds.map((k) => `"${k}"`).join(", ")} (known: ${[...piiKinds].sort().join(", ")})`);
  }
  return all
    .filter((r) => (enable.size === 0 || enable.has(r.id)) && !disable.has(r.id))
    .filter((r) => r.category !== "pii" || (config.pii.enabled && (kinds.size === 0 || kinds.has(r.kind))))
    .map((r) => (config.rules.severity[r.id] ? { ...r, severity: config.rules.severity[r.id] } : r));
}
