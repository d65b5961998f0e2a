import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * The files to scan under `root`, relative, with "/" separators. Inside a git work tree: the
 * tracked files and the untracked ones that .gitignore does not exclude (what a commit could
 * carry). Elsewhere: every entry that is not a folder (symbolic links are listed, never followed:
 * readFiles reports them as skipped), skipping `.git`.
 */
export function listFiles(root: string): string[] {
  const fromGit = gitFiles(root);
  if (fromGit) return fromGit;
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== ".git") walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else out.push(prefix + entry.name); // links and special files too: readFiles lists them as skipped

    }
  };
  walk(root, "");
  return out.sort();
}

function gitFiles(root: string): string[] | undefined {
  try {
    const inside = execFileSync("git", ["-C", root, "rev-parse", "--is-inside-work-tree"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    if (inside !== "true") return undefined;
  } catch {
    return undefined;
  }
  const out = execFileSync("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--deduplicate"], {
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return [...new Set(out.toString("utf8").split("\0").filter(Boolean))].sort();
}
