import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { useColor } from "../../src/cli/use-color.js";
import { expandTemplate } from "../helpers/expand-template.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

const ANSI = /\u001b\[[0-9;]*m/;

describe("useColor", () => {
  it.each([
    [true, false, {}, true],
    [false, false, {}, false],
    [true, true, {}, false],
    [true, false, { NO_COLOR: "1" }, false],
    [true, false, { NO_COLOR: "" }, true],
    [false, false, { FORCE_COLOR: "1" }, true],
    [false, false, { FORCE_COLOR: "0" }, false],
    [true, false, { NO_COLOR: "1", FORCE_COLOR: "1" }, false],
  ] as const)("tty=%s --no-color=%s env=%j -> %s", (tty, flag, env, expected) => {
    expect(useColor(tty, flag, env)).toBe(expected);
  });
});

describe("mamori scan on a terminal", () => {
  const dir = mkdtempSync(join(tmpdir(), "mamori-color-"));
  writeFileSync(join(dir, "settings.env"), expandTemplate("GITHUB_TOKEN=ghp_{{base62:30}}{{crc32-github}}\n"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.unstubAllEnvs());

  it("colours the text report", async () => {
    vi.stubEnv("NO_COLOR", "");
    vi.stubEnv("FORCE_COLOR", "");
    const { code, stdout } = await runCliCapture(["scan", dir], { stdoutTty: true });
    expect(code).toBe(1);
    expect(stdout).toMatch(ANSI);
  });

  it("honours NO_COLOR", async () => {
    vi.stubEnv("NO_COLOR", "1");
    const { code, stdout } = await runCliCapture(["scan", dir], { stdoutTty: true });
    expect(code).toBe(1);
    expect(stdout).toContain("github-pat");
    expect(stdout).not.toMatch(ANSI);
  });
});
