import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The engine is pure: text in, findings out. It may not touch the file system, the network,
// GitHub or a logger (../shared/design.md, "The flow").
const FORBIDDEN = /from\s+["'](node:fs|fs|node:fs\/promises|node:net|node:http|node:https|node:child_process|probot|@octokit\/[^"']+|pino)["']/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

describe("src/engine", () => {
  it.each(files("src/engine").map((f) => [f]))("%s imports no I/O", (file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(FORBIDDEN);
    expect(text).not.toMatch(/console\./);
  });
});
