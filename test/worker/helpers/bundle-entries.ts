import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Compiles TypeScript entry points (paths from the repository root) to ESM files in
 * `lib/.tb-<name>/` in well under a second, so tests can start worker threads and processes
 * without `npm run build`. Packages stay external (resolved from node_modules); paths relative
 * to a module (`../../rules/`) still land in the repository. Returns the folder.
 */
export async function bundleEntries(name: string, entries: Record<string, string>): Promise<string> {
  const dir = `${root}lib/.tb-${name}`;
  rmSync(dir, { recursive: true, force: true });
  await build({
    input: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, `${root}${v}`])),
    platform: "node",
    external: (id) => !id.startsWith(".") && !id.startsWith("/"),
    resolve: { extensionAlias: { ".js": [".ts", ".js"] } },
    output: { dir, format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" },
    logLevel: "silent",
  });
  return dir;
}
