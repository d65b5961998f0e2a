import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

interface LockEntry {
  version?: string;
  dev?: boolean;
  engines?: { node?: string } | string[];
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string }; overrides?: Record<string, unknown>; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, LockEntry> };
const ours = pkg.engines.node;

/** Runtime packages of the lock (what `npm install` of the packed package installs; dev-only ones left out). */
const runtime = Object.entries(lock.packages).filter(([path, entry]) => path !== "" && !entry.dev);

/** The lock entry a package at `from` gets for `name`: Node's lookup, nearest node_modules first. */
function resolveIn(from: string, name: string): [string, LockEntry] | undefined {
  let dir = from;
  for (;;) {
    const path = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[path]) return [path, lock.packages[path]];
    if (!dir) return undefined;
    const i = dir.lastIndexOf("/node_modules/");
    dir = i < 0 ? "" : dir.slice(0, i);
  }
}

describe("engines", () => {
  it("admits the Node this project is developed and tested on", () => {
    expect(semver.satisfies(process.versions.node, ours)).toBe(true);
  });

  it("are honest for the installed tree: no runtime dependency excludes a Node version ours admits", () => {
    const excluding: string[] = [];
    for (const [path, entry] of runtime) {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (node && !semver.subset(ours, node, { includePrerelease: false })) excluding.push(`${path}@${entry.version} wants node ${node}`);
    }
    expect(excluding, `package.json engines.node is "${ours}"`).toEqual([]);
    expect(runtime.length).toBeGreaterThan(100);
  });

  it("hold without overrides: every runtime dependency's own range accepts the version the lock installs", () => {
    // `overrides` apply to this repository's install only, not to `npm install -g mamori-*.tgz`:
    // a tree that needs one to avoid a package that excludes our Node is not what users get.
    const broken: string[] = [];
    for (const [path, entry] of [["", { dependencies: pkg.dependencies } as LockEntry] as [string, LockEntry], ...runtime]) {
      for (const [name, range] of Object.entries({ ...entry.dependencies, ...entry.optionalDependencies })) {
        const target = resolveIn(path, name);
        if (!target) {
          if (!entry.optionalDependencies?.[name]) broken.push(`${path || "mamori"} needs ${name} ${range}: not in the lock`);
          continue;
        }
        if (target[1].version && semver.validRange(range) && !semver.satisfies(target[1].version, range)) broken.push(`${path || "mamori"} needs ${name} ${range}, the lock has ${target[1].version} (${target[0]})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("a package that excludes a Node version is caught (the check can fail)", () => {
    expect(semver.subset(ours, ">=22")).toBe(false);
    expect(semver.subset(ours, "^20.17.0 || >=22.9.0")).toBe(true);
  });
});
