import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { UsageError } from "./usage-error.js";

const MARKER = "# installed by mamori install-hook";

/** The hook: `mamori scan --staged` with the mamori on PATH, else the project's own. */
export const HOOK_SCRIPT = `#!/bin/sh
${MARKER}: scans what this commit adds for credentials and personal data.
# Skip once with: git commit --no-verify
if command -v mamori >/dev/null 2>&1; then
  exec mamori scan --staged --quiet
elif [ -x ./node_modules/.bin/mamori ]; then
  exec ./node_modules/.bin/mamori scan --staged --quiet
else
  echo "mamori pre-commit hook: mamori is not installed (npm install -g mamori, or npm install -D mamori)" >&2
  exit 1
fi
`;

/**
 * `mamori install-hook [PATH] [--force]`: writes the git pre-commit hook of the repository at
 * PATH (honouring core.hooksPath), for users without the pre-commit tool. An existing hook that
 * Mamori did not write is left alone unless `force`. Returns the hook's path.
 */
export function installHook(target: string, force: boolean): string {
  let hooks: string;
  try {
    const top = execFileSync("git", ["-C", target, "rev-parse", "--show-toplevel"], { stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
    const path = execFileSync("git", ["-C", top, "rev-parse", "--git-path", "hooks"], { stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
    hooks = isAbsolute(path) ? path : resolve(top, path);
  } catch {
    throw new UsageError(`install-hook needs a git repository: ${target} is not inside one`);
  }
  const file = join(hooks, "pre-commit");
  if (existsSync(file) && !force && !readFileSync(file, "utf8").includes(MARKER)) {
    throw new UsageError(`${file} already exists and was not written by Mamori: add "mamori scan --staged" to it, or replace it with --force`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, HOOK_SCRIPT);
  chmodSync(file, 0o755);
  return file;
}
