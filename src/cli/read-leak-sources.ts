import { execFileSync } from "node:child_process";
import type { LeakSource } from "../report/to-ppc.js";

/** Most files whose origin is looked up in git (one `git log` each). */
const MAX_FILES = 50;

/**
 * Where the files with personal data came from, for the PPC draft: the repository's `origin` URL
 * (user and password removed) and, per file, the commit that added it with its author and date.
 * Outside a git repository, or for files git does not know, the fields stay empty (blanks in the
 * draft). A path inside an archive is looked up by the archive's path.
 */
export function readLeakSources(root: string, paths: readonly string[]): { repository?: string; sources: LeakSource[] } {
  const git = (args: string[]) =>
    execFileSync("git", ["-c", "core.quotePath=false", ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 20 }).trim();
  let repository: string | undefined;
  try {
    git(["rev-parse", "--git-dir"]);
  } catch {
    return { sources: paths.map((path) => ({ path })) };
  }
  try {
    repository = withoutCredentials(git(["remote", "get-url", "origin"])) || undefined;
  } catch {
    repository = undefined;
  }
  const sources: LeakSource[] = [];
  for (const path of paths.slice(0, MAX_FILES)) {
    const file = path.split("!")[0]!;
    try {
      const line = git(["log", "-1", "--diff-filter=A", "--format=%H%x1f%an%x1f%aI", "--", file]);
      const [commit, author, date] = line.split("\x1f");
      sources.push(commit ? { path, commit, author, date } : { path });
    } catch {
      sources.push({ path });
    }
  }
  for (const path of paths.slice(MAX_FILES)) sources.push({ path });
  return { repository, sources };
}

/** A remote URL without user information, query or fragment (`https://user:token@host/o/r` → `https://host/o/r`). */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = "";
    u.password = "";
    u.search = "";
    u.hash = "";
    return u.toString();
  } catch {
    // scp-like `git@host:owner/repo.git`: the user part is a login name, not a secret; drop it anyway.
    return url.replace(/^[^@/\s]+@/, "");
  }
}
