import { execFileSync } from "node:child_process";
import { UsageError } from "./usage-error.js";

/**
 * Fails with a usage error that says what to do when `--since REV` cannot be used: git missing,
 * or a revision this clone does not have (a shallow CI checkout, a branch not fetched).
 */
export function checkRevision(top: string, rev: string): void {
  try {
    execFileSync("git", ["-C", top, "rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError("--since needs git, which is not installed or not on PATH");
    const shallow = isShallow(top);
    throw new UsageError(
      `--since ${rev}: this clone has no commit "${rev}"` +
        (shallow
          ? " (it is a shallow clone: fetch the history, e.g. git fetch --unshallow, or actions/checkout with fetch-depth: 0)"
          : ` (fetch it first, e.g. git fetch origin ${rev.replace(/^origin\//, "")}, or give a commit, branch or tag that exists: git log --oneline)`),
    );
  }
}

function isShallow(top: string): boolean {
  try {
    return execFileSync("git", ["-C", top, "rev-parse", "--is-shallow-repository"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim() === "true";
  } catch {
    return false;
  }
}
