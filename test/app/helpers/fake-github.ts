import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import nock from "nock";
import { validateRequestBody } from "./openapi.js";
import { unifiedDiff } from "./unified-diff.js";

export interface Captured {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  /** The Accept header (e.g. `application/vnd.github.raw` for a raw blob). */
  accept: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id?: string;
  output: { title?: string; summary?: string; text?: string };
  annotations: Record<string, unknown>[];
  updates: number;
}

type Files = Map<string, Uint8Array>;
const enc = new TextEncoder();

/**
 * A simulated GitHub for one repository (plus its organisation's `.github` repository), served
 * through nock: commits with real patches, compare, trees, blobs, contents, pulls, check runs.
 * Every request is captured; every request body is checked against GitHub's OpenAPI operation.
 */
export class FakeGitHub {
  readonly requests: Captured[] = [];
  readonly invalid: string[] = [];
  readonly checkRuns: CheckRun[] = [];
  readonly commits = new Map<string, { parents: string[]; files: Files }>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly branches = new Map<string, string>();
  readonly orgFiles: Files = new Map();
  readonly pulls: { number: number; head: string }[] = [];
  /** Per commit: new path -> old path, listed by the commits API as one "renamed" file. */
  readonly renames = new Map<string, Record<string, string>>();
  /** Tokens `GET /user` accepts (live verification of a found GitHub token); any other token gets 401. */
  readonly liveTokens = new Set<string>();
  /** Files larger than this get no patch (GitHub omits patches of large diffs). */
  patchLimit = 100_000;
  /** Blob SHA -> bytes served instead of the blob's own (a truncated or altered answer). */
  readonly tampered = new Map<string, Uint8Array>();
  /** Serve raw blobs as a stream of 64 KiB chunks without a Content-Length (chunked transfer). */
  streamBlobs = false;
  private failures: { method: string; re: RegExp; status: number; times: number }[] = [];
  private delays: { re: RegExp; ms: number }[] = [];
  private counter = 0;

  constructor(
    readonly owner = "acme",
    readonly repo = "widgets",
    readonly defaultBranch = "main",
  ) {}

  /** Makes a commit on top of `parent` (or a root commit) changing `changes` (null deletes). Returns its sha. */
  commit(parent: string | null, changes: Record<string, string | Uint8Array | null>, extraParents: string[] = []): string {
    const files: Files = new Map(parent ? this.commits.get(parent)!.files : []);
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) files.delete(path);
      else files.set(path, typeof content === "string" ? enc.encode(content) : content);
    }
    for (const bytes of files.values()) this.blobs.set(blobSha(bytes), bytes);
    const sha = createHash("sha1").update(`commit ${++this.counter} ${parent}`).digest("hex");
    this.commits.set(sha, { parents: parent ? [parent, ...extraParents] : extraParents, files });
    return sha;
  }

  /** Sets up a base commit on the default branch with `files` (and `.github/mamori.yml` if given). */
  base(files: Record<string, string | Uint8Array>): string {
    const sha = this.commit(null, files);
    this.branches.set(this.defaultBranch, sha);
    return sha;
  }

  /** Answers the next `times` requests matching method + path regex with `status`. */
  fail(method: string, re: RegExp, status: number, times = Infinity): void {
    this.failures.push({ method, re, status, times });
  }

  /** Delays the answers to requests whose path matches. */
  slow(re: RegExp, ms: number): void {
    this.delays.push({ re, ms });
  }

  /** Every request body and query the app sent, as one string (for privacy searches). */
  allSent(): string {
    return this.requests.map((r) => `${r.method} ${r.path}?${r.query} ${r.body}`).join("\n");
  }

  checkRun(): CheckRun {
    expect1(this.checkRuns.length, "check runs");
    return this.checkRuns[0];
  }

  /** Installs the nock interceptors (call nock.cleanAll() after). */
  install(): void {
    const scope = nock("https://api.github.com").persist();
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
      const self = this;
      scope.intercept(/.*/, method).reply(async function (uri, body) {
        const delay = self.delays.find((d) => d.re.test(uri));
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
        return self.handle(method, uri, body, this.req.headers as Record<string, string | string[]>);
      });
    }
  }

  private handle(method: string, uri: string, rawBody: unknown, headers: Record<string, string | string[]>): [number, unknown, Record<string, string>?] {
    const url = new URL(uri, "https://api.github.com");
    const path = decodeURIComponent(url.pathname);
    const body = rawBody === undefined || rawBody === "" ? "" : typeof rawBody === "string" ? rawBody : JSON.stringify(rawBody);
    this.requests.push({ method, path, query: url.searchParams, body, accept: String(headers.accept ?? "") });
    if (body) {
      const problems = validateRequestBody(method, url.pathname, JSON.parse(body));
      this.invalid.push(...problems);
    }
    const failure = this.failures.find((f) => f.method === method && f.re.test(path) && f.times > 0);
    if (failure) {
      failure.times--;
      return [failure.status, { message: "Simulated failure" }];
    }
    const accept = String(headers.accept ?? "");
    const r = `/repos/${this.owner}/${this.repo}`;
    const json = (data: unknown, extra: Record<string, string> = {}): [number, unknown, Record<string, string>] => [200, data, { "content-type": "application/json; charset=utf-8", ...extra }];
    let m: RegExpMatchArray | null;

    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) {
      return [201, { token: "test-installation-token", expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} }];
    }
    // Contents: the config plugin asks for raw text; the app asks for JSON.
    if (method === "GET" && (m = path.match(/^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/))) {
      const [, owner, repo, file] = m;
      let bytes: Uint8Array | undefined;
      if (owner === this.owner && repo === ".github") bytes = this.orgFiles.get(file);
      else if (owner === this.owner && repo === this.repo) bytes = this.files(url.searchParams.get("ref") ?? this.defaultBranch)?.get(file);
      if (!bytes) return [404, { message: "Not Found" }];
      if (accept.includes("raw")) return [200, Buffer.from(bytes).toString("utf8"), { "content-type": "text/plain; charset=utf-8" }];
      return json({ type: "file", encoding: "base64", size: bytes.length, name: file.split("/").pop(), path: file, sha: blobSha(bytes), content: Buffer.from(bytes).toString("base64") });
    }
    if (method === "GET" && path === "/user") {
      const token = String(headers.authorization ?? "").replace(/^(?:Bearer|token) /, "");
      if (!this.liveTokens.has(token)) return [401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" }];
      return json({ login: "octocat", id: 1, type: "User" });
    }
    if (!path.startsWith(r)) return [404, { message: "Not Found" }];
    const rest = path.slice(r.length);

    if (method === "GET" && (m = rest.match(/^\/commits\/([^/]+)\/check-runs$/))) {
      const sha = this.resolve(m[1]);
      const name = url.searchParams.get("check_name");
      const runs = this.checkRuns.filter((c) => c.head_sha === sha && (!name || c.name === name));
      return json({ total_count: runs.length, check_runs: runs.map((c) => ({ id: c.id, name: c.name, head_sha: c.head_sha, status: c.status, conclusion: c.conclusion, output: { title: c.output.title ?? null, summary: c.output.summary ?? null, text: null, annotations_count: c.annotations.length, annotations_url: "" } })) });
    }
    if (method === "POST" && rest === "/check-runs") {
      const b = JSON.parse(body);
      const run: CheckRun = { id: 1000 + this.checkRuns.length, name: b.name, head_sha: b.head_sha, status: b.status ?? "queued", conclusion: b.conclusion ?? null, external_id: b.external_id, output: b.output ?? {}, annotations: [...(b.output?.annotations ?? [])], updates: 0 };
      this.checkRuns.push(run);
      return [201, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status }];
    }
    if (method === "PATCH" && (m = rest.match(/^\/check-runs\/(\d+)$/))) {
      const run = this.checkRuns.find((c) => c.id === Number(m![1]));
      if (!run) return [404, { message: "Not Found" }];
      const b = JSON.parse(body);
      run.updates++;
      if (b.status) run.status = b.status;
      if (b.status === "in_progress") run.conclusion = null; // like GitHub: annotations stay, later ones are appended
      if (b.conclusion) {
        run.conclusion = b.conclusion;
        run.status = "completed";
      }
      if (b.output) {
        run.output = { ...run.output, ...b.output };
        run.annotations.push(...(b.output.annotations ?? []));
      }
      return json({ id: run.id, status: run.status, conclusion: run.conclusion });
    }
    if (method === "GET" && (m = rest.match(/^\/check-runs\/(\d+)\/annotations$/))) {
      const run = this.checkRuns.find((c) => c.id === Number(m![1]));
      if (!run) return [404, { message: "Not Found" }];
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const headers: Record<string, string> = {};
      if (page * perPage < run.annotations.length) headers.link = `<https://api.github.com${r}/check-runs/${run.id}/annotations?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return json(run.annotations.slice((page - 1) * perPage, page * perPage).map((a) => ({ ...a, blob_href: "" })), headers);
    }
    if (method === "GET" && (m = rest.match(/^\/commits\/([0-9a-f]{40})$/))) {
      return this.commitResponse(m[1], Number(url.searchParams.get("page") ?? 1), json);
    }
    if (method === "GET" && rest === "/commits") {
      const head = this.resolve(url.searchParams.get("sha") ?? this.defaultBranch)!;
      const list = this.ancestors(head, new Set()).reverse();
      return json(list.map((sha) => ({ sha, parents: this.commits.get(sha)!.parents.map((p) => ({ sha: p })) })));
    }
    if (method === "GET" && (m = rest.match(/^\/compare\/(.+)\.\.\.(.+)$/))) {
      const base = this.resolve(m[1]);
      const head = this.resolve(m[2]);
      if (!base || !head) return [404, { message: "Not Found" }];
      const onBase = new Set(this.ancestors(base, new Set()));
      const list = this.ancestors(head, onBase);
      const perPage = Number(url.searchParams.get("per_page") ?? 250);
      const page = Number(url.searchParams.get("page") ?? 1);
      const slice = list.slice((page - 1) * perPage, page * perPage);
      const mergeBase = this.ancestorsOrder(head).find((s) => onBase.has(s)) ?? base;
      return json({
        total_commits: list.length,
        merge_base_commit: { sha: mergeBase },
        commits: slice.map((sha) => ({ sha, parents: this.commits.get(sha)!.parents.map((p) => ({ sha: p })) })),
        files: [],
      });
    }
    if (method === "GET" && (m = rest.match(/^\/git\/blobs\/([0-9a-f]{40})$/))) {
      const bytes = this.tampered.get(m[1]) ?? this.blobs.get(m[1]);
      if (!bytes) return [404, { message: "Not Found" }];
      // Like GitHub: `application/vnd.github.raw` gets the bytes themselves, JSON gets base64.
      if (accept.includes("application/vnd.github.raw")) {
        if (!this.streamBlobs) {
          return [200, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { "content-type": "application/vnd.github.raw", "content-length": String(bytes.length) }];
        }
        return [200, this.streamed(bytes), { "content-type": "application/vnd.github.raw" }];
      }
      return json({ sha: m[1], size: bytes.length, encoding: "base64", content: Buffer.from(bytes).toString("base64") });
    }
    if (method === "GET" && (m = rest.match(/^\/git\/trees\/([0-9a-f]{40})$/))) {
      const files = this.commits.get(m[1])?.files;
      if (!files) return [404, { message: "Not Found" }];
      return json({ sha: m[1], truncated: false, tree: [...files].map(([p, b]) => ({ path: p, type: "blob", mode: "100644", sha: blobSha(b), size: b.length })) });
    }
    if (method === "GET" && rest === "/pulls") {
      const head = url.searchParams.get("head")?.split(":")[1];
      return json(this.pulls.filter((p) => p.head === head).map((p) => ({ number: p.number })));
    }
    return [404, { message: `Not Found (simulated GitHub has no ${method} ${path})` }];
  }

  /** A body in 64 KiB chunks (nock drains it whatever the client reads: see test/app/fetch-blob.test.ts for the bound). */
  private streamed(bytes: Uint8Array): Readable {
    let at = 0;
    const stream: Readable = new Readable({
      read: () => {
        if (at >= bytes.length) {
          stream.push(null);
          return;
        }
        const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(65536, bytes.length - at));
        at += chunk.length;
        stream.push(chunk);
      },
    });
    return stream;
  }

  private commitResponse(sha: string, page: number, json: (d: unknown, h?: Record<string, string>) => [number, unknown, Record<string, string>]): [number, unknown, Record<string, string>?] {
    const c = this.commits.get(sha);
    if (!c) return [404, { message: "Not Found" }];
    const before = c.parents[0] ? this.commits.get(c.parents[0])!.files : new Map<string, Uint8Array>();
    const files: Record<string, unknown>[] = [];
    const renamed = this.renames.get(sha) ?? {};
    const renamedFrom = new Set(Object.values(renamed));
    for (const path of new Set([...before.keys(), ...c.files.keys()])) {
      if (renamedFrom.has(path) && !c.files.has(path)) continue;
      const from = renamed[path];
      const a = from ? before.get(from) : before.get(path);
      const b = c.files.get(path);
      if (a && b && Buffer.compare(a, b) === 0 && !from) continue;
      const status = from ? "renamed" : !a ? "added" : !b ? "removed" : "modified";
      const text = (x?: Uint8Array) => (x ? Buffer.from(x).toString("utf8") : "");
      const binary = (x?: Uint8Array) => !!x && (x.includes(0) || x.length > this.patchLimit || !isUtf8(x));
      const file: Record<string, unknown> = { sha: b ? blobSha(b) : "0".repeat(40), filename: path, status, additions: 0, deletions: 0, changes: 1, ...(from ? { previous_filename: from } : {}) };
      if (!binary(a) && !binary(b)) file.patch = unifiedDiff(text(a), text(b));
      files.push(file);
    }
    const pageFiles = files.slice((page - 1) * 300, page * 300);
    const headers: Record<string, string> = {};
    if (page * 300 < Math.min(files.length, 3000)) headers.link = `<https://api.github.com/repositories/1/commits/${sha}?page=${page + 1}>; rel="next"`;
    return json({ sha, parents: c.parents.map((p) => ({ sha: p })), files: pageFiles, commit: { message: "m" } }, headers);
  }

  private files(ref: string): Files | undefined {
    const sha = this.resolve(ref);
    return sha ? this.commits.get(sha)?.files : undefined;
  }

  private resolve(ref: string): string | undefined {
    if (this.commits.has(ref)) return ref;
    return this.branches.get(ref);
  }

  /** Commits reachable from `head` not in `stop`, oldest first. */
  private ancestors(head: string, stop: Set<string>): string[] {
    const seen = new Set<string>();
    const order: string[] = [];
    const visit = (sha: string) => {
      if (seen.has(sha) || stop.has(sha)) return;
      seen.add(sha);
      for (const p of this.commits.get(sha)?.parents ?? []) visit(p);
      order.push(sha);
    };
    visit(head);
    return order;
  }

  private ancestorsOrder(head: string): string[] {
    return this.ancestors(head, new Set()).reverse();
  }
}

export function blobSha(bytes: Uint8Array): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function expect1(n: number, what: string): void {
  if (n !== 1) throw new Error(`expected exactly one of ${what}, found ${n}`);
}
