import { describe, expect, it } from "vitest";
import { getTreeDiff } from "../../src/app/get-tree-diff.js";
import type { Octokit } from "../../src/app/scan-job.js";

/** An Octokit answering tree requests from a table (only what getTreeDiff asks). */
function treeOctokit(trees: Record<string, { path: string; mode: string; sha: string }[]>): Octokit {
  return {
    request: async (_route: string, params: { tree_sha: string }) => ({ data: { truncated: false, tree: trees[params.tree_sha].map((e) => ({ ...e, type: "blob" })) } }),
  } as unknown as Octokit;
}

describe("getTreeDiff (issue 11, item 8: git mode 120000)", () => {
  it("marks symbolic links so the app lists them and never reads them as files", async () => {
    const octokit = treeOctokit({
      parent: [{ path: "a.txt", mode: "100644", sha: "1".repeat(40) }],
      head: [
        { path: "a.txt", mode: "100644", sha: "1".repeat(40) },
        { path: "secrets.env", mode: "120000", sha: "2".repeat(40) },
        { path: "b.txt", mode: "100755", sha: "3".repeat(40) },
      ],
    });
    const diff = await getTreeDiff(octokit, "o", "r", "head", "parent");
    expect(diff.sort((a, b) => a.filename.localeCompare(b.filename))).toEqual([
      { filename: "b.txt", status: "added", sha: "3".repeat(40) },
      { filename: "secrets.env", status: "added", sha: "2".repeat(40), symlink: true },
    ]);
  });
});
