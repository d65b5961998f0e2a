import { describe, expect, it } from "vitest";
import { mapOldLine, parsePatch } from "../../src/app/parse-patch.js";
import { unifiedDiff } from "./helpers/unified-diff.js";

describe("parsePatch", () => {
  it("numbers added, removed and context lines", () => {
    const patch = "@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c";
    const p = parsePatch(patch);
    expect([...p.added]).toEqual([[2, "B"], [3, "C"]]);
    expect([...p.removed]).toEqual([[2, "b"]]);
    expect([...p.context]).toEqual([[1, "a"], [4, "c"]]);
    expect(mapOldLine(p, 1)).toBe(1);
    expect(mapOldLine(p, 2)).toBeNull();
    expect(mapOldLine(p, 3)).toBe(4);
    expect(mapOldLine(p, 10)).toBe(11);
  });

  it("handles a pure insertion and the no-newline marker", () => {
    const p = parsePatch("@@ -5,0 +6,2 @@\n+x\n+y\n\\ No newline at end of file");
    expect([...p.added.keys()]).toEqual([6, 7]);
    expect(mapOldLine(p, 5)).toBe(5);
    expect(mapOldLine(p, 6)).toBe(8);
  });

  it("round-trips the simulated GitHub's diffs", () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
    const lines = before.split("\n");
    lines.splice(4, 1, "changed 5");
    lines.splice(20, 0, "inserted", "inserted 2");
    const after = lines.join("\n");
    const p = parsePatch(unifiedDiff(before, after));
    const afterLines = after.split("\n");
    for (const [n, text] of p.added) expect(afterLines[n - 1]).toBe(text);
    for (const [n, text] of p.context) expect(afterLines[n - 1]).toBe(text);
    for (const [n, text] of p.removed) expect(before.split("\n")[n - 1]).toBe(text);
    expect(mapOldLine(p, 25)).toBe(27);
  });
});
