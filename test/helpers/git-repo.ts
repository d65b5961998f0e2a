import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface TestRepo {
  dir: string;
  git: (...args: string[]) => string;
  write: (path: string, content: string | Buffer) => void;
  remove: () => void;
}

/** A fresh git repository in a temporary folder, on branch main, with a test identity. */
export function createTestRepo(prefix = "mamori-repo-"): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", dir, "-c", "user.email=t@example.invalid", "-c", "user.name=t", "-c", "commit.gpgsign=false", ...args], { stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
  git("init", "-q", "-b", "main");
  return {
    dir,
    git,
    write: (path, content) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
