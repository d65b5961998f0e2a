import { execFileSync } from "node:child_process";

export interface GitLocation {
  /** The work tree's top folder (absolute). */
  top: string;
  /** The folder's path below the top, with "/" separators and a trailing "/" ("" at the top). */
  prefix: string;
}

/**
 * Where `dir` is in a git work tree, or undefined outside one (or without git). Paths and
 * fingerprints are made relative to the top, so scanning a subfolder reports what the App
 * reports for the same files.
 */
export function gitLocation(dir: string): GitLocation | undefined {
  try {
    const out = execFileSync("git", ["-C", dir, "rev-parse", "--is-inside-work-tree", "--show-toplevel", "--show-prefix"], {
      stdio: ["ignore", "pipe", "ignore"],
    }).toString("utf8");
    const [inside, top, prefix = ""] = out.split("\n");
    if (inside !== "true" || !top) return undefined;
    return { top, prefix };
  } catch {
    return undefined;
  }
}
