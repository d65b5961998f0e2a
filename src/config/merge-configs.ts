type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges raw configuration objects, later ones winning: objects merge key by key, arrays
 * concatenate (without repeating equal items), other values are replaced. This is what
 * Probot's `context.config()` does with `_extends` (deepmerge), so org defaults keep applying.
 */
export function mergeConfigs(configs: readonly unknown[]): Plain {
  let out: Plain = {};
  for (const config of configs) if (isPlain(config)) out = mergeTwo(out, config);
  return out;
}

function mergeTwo(a: Plain, b: Plain): Plain {
  const out: Plain = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === "_extends" || key === "__proto__") continue;
    const prev = out[key];
    if (isPlain(prev) && isPlain(value)) out[key] = mergeTwo(prev, value);
    else if (Array.isArray(prev) && Array.isArray(value)) {
      const seen = new Set(prev.map((item) => JSON.stringify(item)));
      out[key] = [...prev, ...value.filter((item) => !seen.has(JSON.stringify(item)))];
    } else out[key] = value;
  }
  return out;
}
