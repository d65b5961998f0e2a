import { execFileSync } from "node:child_process";

export interface ConfigFromRev {
  /** The configuration file's text at the revision, with a name for messages; absent: defaults. */
  config?: { text: string; file: string };
  /** `.mamoriignore` at the revision (absent: no ignores). */
  ignore?: string;
}

const CONFIG_NAMES = [".github/mamori.yml", ".github/mamori.yaml", ".mamori.yml"];

/**
 * `--config-from REV`: the configuration and `.mamoriignore` of the folder `dir` as they are at
 * a git revision (e.g. the base branch), never the working tree's: a pull request then cannot
 * switch off its own gate. A file missing at REV means defaults / no ignores. Throws when REV is
 * not a commit.
 */
export function readConfigFromRev(dir: string, rev: string): ConfigFromRev {
  const git = (args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  if (rev.startsWith("-")) throw new Error(`--config-from: not a revision: ${rev}`);
  try {
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  } catch {
    throw new Error(`--config-from: ${rev} is not a commit of the git repository at ${dir}`);
  }
  const show = (name: string): string | undefined => {
    try {
      git(["cat-file", "-e", `${rev}:./${name}`]);
    } catch {
      return undefined;
    }
    return git(["show", `${rev}:./${name}`]).toString("utf8");
  };
  const out: ConfigFromRev = {};
  for (const name of CONFIG_NAMES) {
    const text = show(name);
    if (text !== undefined) {
      out.config = { text, file: `${rev}:${name}` };
      break;
    }
  }
  const ignore = show(".mamoriignore");
  if (ignore !== undefined) out.ignore = ignore;
  return out;
}
