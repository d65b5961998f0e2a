import { describe, expect, it } from "vitest";
import { findInlineIgnore } from "../../src/engine/find-inline-ignore.js";

describe("findInlineIgnore", () => {
  it.each([
    ["key = x # mamori:ignore", undefined, true],
    ["key = x # mamori:ignore aws-access-key", undefined, true],
    ["key = x # mamori:ignore github-pat", undefined, false],
    ["key = x # mamori:ignore aws-key", undefined, true],
    ["key = x # mamori:ignore github-pat, aws-access-key", undefined, true],
    ["key = x # mamori:ignore fixture for the parser test", undefined, true],
    ["key = x // gitleaks:allow", undefined, true],
    ["key = x # pragma: allowlist secret", undefined, true],
    ["key = x /* secretlint-disable-line */", undefined, true],
    ["key = x", "// secretlint-disable-next-line", true],
    ["key = x", "# mamori:ignore-next-line", true],
    ["key = x", "# mamori:ignore-next-line github-pat", false],
    ["key = x", "# mamori:ignore", false],
    ["key = x", undefined, false],
  ] as const)("%s (previous: %s) -> %s", (line, previous, want) => {
    expect(findInlineIgnore(line, previous, "aws-access-key", "aws-key")).toBe(want);
  });
});
