import { minimatch } from "minimatch";
import type { Config } from "../config/config-schema.js";

/**
 * Whether the configuration's `paths.ignore` / `paths.include` let a path be scanned, with the
 * glob semantics scanFiles applies (dotfiles match; a glob without "/" matches the base name).
 * The app asks before fetching content, so ignored files cost no request.
 */
export function isPathScanned(path: string, config: Pick<Config, "paths">): boolean {
  const match = (glob: string) => minimatch(path, glob, { dot: true, matchBase: !glob.includes("/") });
  if (config.paths.ignore.some(match)) return false;
  return config.paths.include.length === 0 || config.paths.include.some(match);
}
