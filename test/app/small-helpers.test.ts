import { describe, expect, it } from "vitest";
import { classifyPath } from "../../src/app/classify-path.js";
import { describeError } from "../../src/app/describe-error.js";
import { healthHandler } from "../../src/app/health-handler.js";
import { isPathScanned } from "../../src/app/is-path-scanned.js";
import { mapLimit } from "../../src/app/map-limit.js";

describe("classifyPath", () => {
  it.each([
    ["exports/customers.csv", "data"],
    ["dump/users.sql", "data"],
    ["book.XLSX", "data"],
    ["archive.zip", "data"],
    ["notebooks/a.ipynb", "data"],
    ["package-lock.json", "text"],
    ["src/index.ts", "text"],
    [".env", "text"],
    // issue 11, item 6: no extension is dropped unread (the decoder decides what is binary)
    ["logo.png", "text"],
    ["fonts/a.woff2", "text"],
    ["firmware.bin", "text"],
  ])("%s is %s", (path, kind) => expect(classifyPath(path)).toBe(kind));
});

describe("isPathScanned", () => {
  const config = (ignore: string[], include: string[] = []) => ({ paths: { ignore, include } });
  it("applies ignore and include globs, dotfiles included, bare globs on the file name", () => {
    expect(isPathScanned("test/fixtures/a.env", config(["test/fixtures/**"]))).toBe(false);
    expect(isPathScanned("a/b/c.snap", config(["*.snap"]))).toBe(false);
    expect(isPathScanned(".github/x.yml", config([".github/**"]))).toBe(false);
    expect(isPathScanned("src/a.ts", config([], ["docs/**"]))).toBe(false);
    expect(isPathScanned("docs/a.md", config([], ["docs/**"]))).toBe(true);
  });
});

describe("describeError", () => {
  it("gives status, method and path of a failed request, never the body", () => {
    const error = Object.assign(new Error("Server Error"), { status: 500, request: { method: "GET", url: "https://api.github.com/repos/o/r/git/blobs/abc?x=1", body: "SECRET-BODY" } });
    expect(describeError(error)).toBe("GitHub API GET /repos/o/r/git/blobs/abc answered 500: Server Error");
    expect(describeError(new Error("first line\nsecond line"))).toBe("first line");
  });
});

describe("mapLimit", () => {
  it("keeps order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe("healthHandler", () => {
  it("answers GET /healthz and passes other requests on", () => {
    const res = { status: 0, body: "", writeHead(s: number) { this.status = s; return this; }, end(b?: string) { this.body = b ?? ""; } };
    expect(healthHandler({ method: "GET", url: "/healthz?x" } as never, res as never)).toBe(true);
    expect(res).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect(healthHandler({ method: "POST", url: "/healthz" } as never, res as never)).toBe(false);
    expect(healthHandler({ method: "GET", url: "/" } as never, res as never)).toBe(false);
  });
});
