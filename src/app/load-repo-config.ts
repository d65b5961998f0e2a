import { applyLocks } from "../config/apply-locks.js";
import type { Config } from "../config/config-schema.js";
import { mergeConfigs } from "../config/merge-configs.js";
import { ConfigError, parseConfig } from "../config/parse-config.js";
import type { Octokit } from "./scan-job.js";

export const CONFIG_PATH = ".github/mamori.yml";

export interface RepoConfig {
  config: Config;
  /** Files that were read, e.g. ["acme/widgets:.github/mamori.yml", "acme/.github:.github/mamori.yml"]. */
  sources: string[];
  /** Keys whose repository value an organisation lock replaced. */
  overridden: string[];
}

/**
 * The configuration of a repository, always from its default branch (a pull request cannot
 * weaken its own scan): `.github/mamori.yml`, following `_extends` (Probot's config plugin: the
 * organisation's `.github` repository is the fallback), each file validated on its own so an
 * error names its file. The organisation policy (`<owner>/.github`, key `locks`) is always read
 * and applied, whether the repository extends it or not. Throws ConfigError when invalid.
 */
export async function loadRepoConfig(octokit: Octokit, owner: string, repo: string): Promise<RepoConfig> {
  const read = async (r: string) => {
    try {
      return (await octokit.config.get({ owner, repo: r, path: CONFIG_PATH })).files;
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status !== undefined) throw error; // an API failure, not a config mistake
      // The plugin's message names the file by URL; the YAML parser's first line names the place
      // (its later lines quote the source, which could hold a value: left out).
      const first = String((error as Error).message).split("\n")[0].replace(/^\[@probot\/octokit-plugin-config\]\s*/, "");
      const cause = (error as { cause?: Error }).cause?.message?.split("\n")[0];
      const source = /\/repos\/([^/]+)\/([^/]+)\/contents\//.exec(first);
      const file = source ? `${source[1]}/${source[2]}:${CONFIG_PATH}` : `${owner}/${r}:${CONFIG_PATH}`;
      throw new ConfigError(file, [], `Invalid configuration in ${file}: ${/YAML/.test(first) ? "not valid YAML" : first}${cause ? `\n${cause}` : ""}\nFix the file on the default branch, then re-run the check.`);
    }
  };
  const files = await read(repo);
  const isOrgFile = (f: { owner: string; repo: string; path: string }) => f.owner === owner && f.repo === ".github" && f.path === CONFIG_PATH;
  const orgFiles = files.some(isOrgFile) || repo === ".github" ? files.filter(isOrgFile) : (await read(".github")).filter(isOrgFile);

  const sourceOf = (f: { owner: string; repo: string; path: string }) => `${f.owner}/${f.repo}:${f.path}`;
  const present = files.filter((f) => f.config !== null);
  for (const f of present) parseConfig(sourceOf(f), f.config);
  const org = parseConfig(orgFiles[0] ? sourceOf(orgFiles[0]) : `${owner}/.github:${CONFIG_PATH}`, orgFiles[0]?.config ?? {});
  const merged = parseConfig(sourceOf(files[0]), mergeConfigs(present.map((f) => f.config).reverse()));
  // A repository that is not the organisation's .github repository cannot declare locks for itself.
  const { config, overridden } = applyLocks(org, merged);
  return { config, sources: present.map(sourceOf), overridden };
}
