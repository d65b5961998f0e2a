// A simulated GitHub on loopback for the load bench and the worker end-to-end test: the requests
// one pull_request scan makes (token, check runs, contents, compare, commit, blobs), with
// generated content (nothing real). Check runs are found again by head SHA, as on GitHub.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";

// ---------- content of each pull request (generated; nothing real) ----------
const SURNAMES = ["谷口", "濱田", "長谷川", "小野寺", "宮坂", "藤枝", "篠原", "杉浦"];
const GIVEN = ["紬", "蒼真", "陽菜", "悠斗", "結衣", "湊", "葵", "蓮"];
const digits = (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");
const upper = (n) => Array.from({ length: n }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[Math.floor(Math.random() * 32)]).join("");
export function prFiles(i) {
  const files = {};
  for (let f = 0; f < 12; f++) {
    const lines = [];
    for (let l = 0; l < 150; l++) lines.push(`function handler${f}_${l}(input: string): string { return input.trim() + "${f}-${l}"; } // step ${l}`);
    files[`src/mod${i}/file${f}.ts`] = lines.join("\n") + "\n";
  }
  files[`config/app-${i}.env`] = `LOG_LEVEL=info\nAWS_ACCESS_KEY_ID=AKIA${upper(16)}\n`;
  const rows = ["顧客ID,氏名,電話番号,メールアドレス"];
  for (let r = 0; r < 20; r++) rows.push(`C${r},${SURNAMES[r % 8]} ${GIVEN[(r * 3) % 8]},090-${digits(4)}-${digits(4)},user${digits(6)}@mail.example-isp.jp`);
  files[`exports/customers-${i}.csv`] = rows.join("\n") + "\n";
  return files;
}
const blobSha = (buf) => createHash("sha1").update(`blob ${buf.length}\0`).update(buf).digest("hex");
const isData = (p) => /\.(csv|tsv|json|sql|xlsx|zip)$/.test(p);

// ---------- simulated GitHub ----------
export function startFakeGitHub() {
  const repos = new Map(); // name -> { base, head, files: [{ path, bytes, sha }] }
  const blobs = new Map();
  const checkRuns = new Map(); // id -> { repo, headSha, status, conclusion }
  const delays = []; // { re, ms }
  const seen = []; // "METHOD path" of every request
  const done = new Map(); // repo -> completion time
  let requests = 0;
  let nextId = 1;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      requests++;
      const url = new URL(req.url, "http://x");
      if (process.env.BENCH_TRACE) console.error(`${performance.now().toFixed(0)} ${req.method} ${url.pathname.slice(0, 90)} ${body.length}`);
      const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, ""));
      seen.push(`${req.method} ${path}`);
      const delay = delays.find((d) => d.re.test(path));
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
      const json = (status, data) => res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-ratelimit-remaining": "4999" }).end(JSON.stringify(data));
      let m;
      if (req.method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) return json(201, { token: "bench-installation-token", expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} });
      if (!(m = path.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)$/))) return json(404, { message: "Not Found" });
      const [, , name, rest] = m;
      const repo = repos.get(name);
      if (req.method === "GET" && /^\/contents\//.test(rest)) return json(404, { message: "Not Found" });
      if (!repo) return json(404, { message: "Not Found" });
      if (req.method === "GET" && (m = rest.match(/^\/commits\/([0-9a-f]{40})\/check-runs$/))) {
        const runs = [...checkRuns].filter(([, c]) => c.repo === name && c.headSha === m[1]).map(([id, c]) => ({ id, name: "Mamori", head_sha: c.headSha, status: c.status, conclusion: c.conclusion ?? null, output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: "" } }));
        return json(200, { total_count: runs.length, check_runs: runs });
      }
      if (req.method === "POST" && rest === "/check-runs") {
        const id = nextId++;
        const b = JSON.parse(body || "{}");
        checkRuns.set(id, { repo: name, headSha: b.head_sha, status: b.status ?? "queued" });
        return json(201, { id, status: "in_progress" });
      }
      if (req.method === "PATCH" && (m = rest.match(/^\/check-runs\/(\d+)$/))) {
        const b = JSON.parse(body || "{}");
        const run = checkRuns.get(Number(m[1]));
        if (run && b.status) run.status = b.status;
        if (run && b.conclusion) Object.assign(run, { status: "completed", conclusion: b.conclusion });
        if (b.conclusion && !done.has(name)) done.set(name, { at: performance.now(), conclusion: b.conclusion });
        return json(200, { id: Number(m[1]) });
      }
      if (req.method === "GET" && /^\/compare\//.test(rest)) return json(200, { total_commits: 1, merge_base_commit: { sha: repo.base }, commits: [{ sha: repo.head, parents: [{ sha: repo.base }] }], files: [] });
      if (req.method === "GET" && rest === `/commits/${repo.head}`) {
        const files = repo.files.map((f) => {
          const text = f.bytes.toString("utf8");
          const lines = text.split("\n").slice(0, -1);
          return { sha: f.sha, filename: f.path, status: "added", additions: lines.length, deletions: 0, changes: lines.length, patch: isData(f.path) ? undefined : `@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}` };
        });
        return json(200, { sha: repo.head, parents: [{ sha: repo.base }], files, commit: { message: "m" } });
      }
      if (req.method === "GET" && (m = rest.match(/^\/git\/blobs\/([0-9a-f]{40})$/))) {
        const bytes = blobs.get(m[1]);
        // Like GitHub: `application/vnd.github.raw` gets the bytes themselves (the app asks for them so).
        if (bytes && String(req.headers.accept ?? "").includes("application/vnd.github.raw")) return res.writeHead(200, { "content-type": "application/vnd.github.raw", "content-length": String(bytes.length), "x-ratelimit-remaining": "4999" }).end(bytes);
        return bytes ? json(200, { sha: m[1], size: bytes.length, encoding: "base64", content: bytes.toString("base64") }) : json(404, { message: "Not Found" });
      }
      return json(404, { message: `Not Found (simulated GitHub has no ${req.method} ${path})` });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        port: server.address().port,
        addRepo(name) {
          const files = Object.entries(prFiles(name)).map(([path, text]) => {
            const bytes = Buffer.from(text);
            const sha = blobSha(bytes);
            blobs.set(sha, bytes);
            return { path, bytes, sha };
          });
          const repo = { base: randomBytes(20).toString("hex"), head: randomBytes(20).toString("hex"), files };
          repos.set(name, repo);
          return repo;
        },
        done,
        checkRuns,
        seen,
        slow: (re, ms) => delays.push({ re, ms }),
        requests: () => requests,
        reset() {
          repos.clear();
          blobs.clear();
          done.clear();
          checkRuns.clear();
          delays.length = 0;
          seen.length = 0;
          requests = 0;
        },
        close: () => server.close(),
      }),
    ),
  );
}

/** A pull_request.opened payload for a repository made by addRepo. */
export function payloadFor(name, installation, repo) {
  return {
    action: "opened",
    number: 1,
    installation: { id: installation },
    repository: { id: installation, name, full_name: `bench/${name}`, private: true, default_branch: "main", owner: { login: "bench", id: 1, type: "Organization" } },
    pull_request: { number: 1, changed_files: repo.files.length, head: { sha: repo.head, ref: "feature" }, base: { sha: repo.base, ref: "main" } },
    sender: { login: "bench", id: 1, type: "User" },
  };
}
