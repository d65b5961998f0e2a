import type { Config } from "./config-schema.js";

const SEVERITY_RANK = { low: 0, medium: 1, high: 2, critical: 3 } as const;
const CONFIDENCE_RANK = { low: 0, medium: 1, high: 2 } as const;

export interface LockedConfig {
  config: Config;
  /** Keys whose repository value was replaced by the organisation's because of a lock, e.g. "rules.disable". */
  overridden: string[];
}

/**
 * Applies the organisation's policy locks to the merged configuration: for every locked key the
 * repository may only be stricter than the organisation. `org` is the validated configuration of
 * the organisation's `.github` repository; `merged` is what the repository asked for (its file
 * merged over its `_extends` chain).
 */
export function applyLocks(org: Config, merged: Config): LockedConfig {
  const locks = org.locks;
  const config: Config = structuredClone(merged);
  const overridden: string[] = [];
  const take = <T>(key: string, repoValue: T, orgValue: T): T => {
    if (JSON.stringify(repoValue) !== JSON.stringify(orgValue)) overridden.push(key);
    return orgValue;
  };

  if (locks.failOn && SEVERITY_RANK[merged.failOn] > SEVERITY_RANK[org.failOn]) {
    config.failOn = take("failOn", merged.failOn, org.failOn);
  }
  if (locks.failOn && CONFIDENCE_RANK[merged.failOnConfidence] > CONFIDENCE_RANK[org.failOnConfidence]) {
    config.failOnConfidence = take("failOnConfidence", merged.failOnConfidence, org.failOnConfidence);
  }
  const looserPersons = (n: number, than: number) => than > 0 && (n === 0 || n > than);
  if (locks.failOn && looserPersons(merged.pii.failOnPersons, org.pii.failOnPersons)) {
    config.pii.failOnPersons = take("pii.failOnPersons", merged.pii.failOnPersons, org.pii.failOnPersons);
  }
  if (locks.rules) {
    config.rules.enable = take("rules.enable", merged.rules.enable, org.rules.enable);
    config.rules.disable = take("rules.disable", merged.rules.disable, org.rules.disable);
    const severity: Config["rules"]["severity"] = { ...org.rules.severity };
    for (const [id, value] of Object.entries(merged.rules.severity)) {
      const locked = org.rules.severity[id];
      // Without an organisation override the built-in severity is the floor, which is unknown here: keep the org's view.
      if (locked !== undefined && SEVERITY_RANK[value] > SEVERITY_RANK[locked]) severity[id] = value;
    }
    config.rules.severity = take("rules.severity", merged.rules.severity, severity);
    if (org.pii.enabled && !merged.pii.enabled) config.pii.enabled = take("pii.enabled", false, true);
    if (CONFIDENCE_RANK[merged.pii.minConfidence] > CONFIDENCE_RANK[org.pii.minConfidence]) {
      config.pii.minConfidence = take("pii.minConfidence", merged.pii.minConfidence, org.pii.minConfidence);
    }
    config.pii.kinds = take("pii.kinds", merged.pii.kinds, org.pii.kinds);
    if (org.pii.authorCredits && !merged.pii.authorCredits) config.pii.authorCredits = take("pii.authorCredits", false, true);
    if (CONFIDENCE_RANK[merged.minConfidence] > CONFIDENCE_RANK[org.minConfidence]) {
      config.minConfidence = take("minConfidence", merged.minConfidence, org.minConfidence);
    }
  }
  if (locks.paths) {
    config.paths.ignore = take("paths.ignore", merged.paths.ignore, org.paths.ignore);
    config.paths.include = take("paths.include", merged.paths.include, org.paths.include);
  }
  if (locks.allow) config.allow = take("allow", merged.allow, org.allow);
  config.locks = org.locks;
  return { config, overridden };
}
