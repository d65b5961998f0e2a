import { describe, expect, it } from "vitest";
import { isIncompleteSkip } from "../../src/scan/is-incomplete-skip.js";

describe("isIncompleteSkip", () => {
  it.each([
    ["data.zip", "corrupt archive: invalid zip data", true],
    ["bomb.zip!a.txt", "compression ratio 1000:1 over the limit 200:1 (possible zip bomb)", true],
    ["dump.sql", "too large (60000000 bytes > 52428800)", true],
    ["notes.pdf", "binary", true],
    ["tool.exe", "binary", true],
    ["a.txt", "could not decode: boom", true],
    ["a.txt", "timeout", true],
    ["docs/logo.png", "binary", false],
    ["assets.zip!fonts/a.woff2", "binary", false],
    ["video/intro.MP4", "too large (90000000 bytes > 52428800)", false],
    ["leak.env", "symlink", false],
    ["b.tar!x", "hardlink", false],
    ["fifo", "not a regular file", false],
    ["a.zip", "archive (archive scanning is turned off)", false],
  ])("%s (%s): %s", (path, reason, expected) => {
    expect(isIncompleteSkip({ path, reason })).toBe(expected);
  });
});
