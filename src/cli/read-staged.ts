import type { ScanInput } from "../scan/scan-files.js";
import { gitIn, readChanges } from "./read-git-range.js";

/**
 * What `git commit` would record now: the files `git diff --cached` adds or changes, in their
 * staged content (the index, not the work tree), with the added lines only (data and binary
 * files whole). Paths are relative to the top of the work tree `top`.
 */
export function* readStaged(top: string): Generator<ScanInput> {
  const git = gitIn(top);
  yield* readChanges(git, ["diff", "--cached"], (path) => git(["cat-file", "blob", `:${path}`]));
}
