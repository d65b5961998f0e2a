import { describe, expect, it } from "vitest";
import { splitArchivePath } from "../../src/report/split-archive-path.js";

describe("splitArchivePath", () => {
  it.each([
    ["src/a.ts", "src/a.ts", null],
    ["data/export.zip!2024/customers.csv", "data/export.zip", "2024/customers.csv"],
    ["a.zip!b.zip!c.csv", "a.zip", "b.zip!c.csv"],
    ["!odd", "!odd", null],
    ["odd!", "odd!", null],
  ])("%s", (path, file, member) => {
    expect(splitArchivePath(path)).toEqual({ file, member });
  });
});
