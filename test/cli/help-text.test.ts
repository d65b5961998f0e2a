import { describe, expect, it } from "vitest";
import { HELP } from "../../src/cli/help-text.js";
import { runCliCapture } from "../helpers/run-cli-capture.js";

describe("mamori --help", () => {
  it.each([
    ["-f", "--format"],
    ["-o", "--output"],
    ["-c", "--config"],
    ["-j", "--threads"],
    ["-q", "--quiet"],
    ["-h", "--help"],
    ["-v", "--version"],
  ])("lists the short flag %s of %s", async (short, long) => {
    expect(HELP).toMatch(new RegExp(`^\\s+${short}, ${long}\\b`, "m"));
    // …and the flag really is accepted.
    const { stderr } = await runCliCapture([short === "-h" || short === "-v" || short === "-q" ? short : `${short}x`, "--help"]);
    expect(stderr).not.toMatch(/Unknown option/);
  });
});
