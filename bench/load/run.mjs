// `npm run bench:load` — fires N signed pull_request webhooks at the Mamori app on loopback, with
// GitHub simulated on loopback, and prints throughput, p50/p95 time from webhook to completed
// check, peak RSS, and GitHub requests per scan: for the app alone (in-process queue) and for
// the web process + 1 and + 2 `mamori worker` processes on Redis (redis-server started here on
// 127.0.0.1, stopped by PID). Usage: node bench/load/run.mjs [N=200] [modes=inprocess,redis-1,redis-2]
import { spawn, spawnSync } from "node:child_process";
import { createHmac, generateKeyPairSync } from "node:crypto";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { payloadFor, startFakeGitHub } from "./fake-github.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const N = Number(process.argv[2] ?? process.env.N ?? 200);
const MODES = (process.argv[3] ?? "inprocess,redis-1,redis-2").split(",");
const SECRET = "bench-webhook-secret";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------- processes ----------
const freePort = () => new Promise((resolve) => { const s = createServer().listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); }); });
const vmHWM = (pid) => { try { return Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+)/)[1]) * 1024; } catch { return 0; } };
async function waitHttp(port, path, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { const r = await fetch(`http://127.0.0.1:${port}${path}`); if (r.ok) return; } catch {}
    await sleep(100);
  }
  throw new Error(`nothing answered on port ${port}${path}`);
}
function startProcess(script, env, label) {
  const child = spawn(process.execPath, [join(root, script)], { env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
  child.on("exit", (code, signal) => { if (!child.expectedExit) console.error(`${label} exited (${code ?? signal}): ${err}`); });
  return child;
}
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.expectedExit = true;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000).then(() => child.kill("SIGKILL"))]);
}

function startRedis() {
  if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "mamori-bench-redis-"));
  return freePort().then(async (port) => {
    const r = spawnSync("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--daemonize", "yes", "--dir", dir, "--pidfile", join(dir, "redis.pid"), "--logfile", join(dir, "redis.log")]);
    if (r.status !== 0) throw new Error(`redis-server did not start: ${r.stderr}`);
    for (let i = 0; i < 50; i++) { try { readFileSync(join(dir, "redis.pid")); break; } catch { await sleep(100); } }
    await sleep(200);
    return {
      url: `redis://127.0.0.1:${port}`,
      stop() {
        try { process.kill(Number(readFileSync(join(dir, "redis.pid"), "utf8")), "SIGTERM"); } catch {}
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
}

// ---------- one run ----------
const percentile = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const agent = new Agent({ keepAlive: true, maxSockets: 32 });
function sendWebhook(port, payload, delivery) {
  const body = JSON.stringify(payload);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/github/webhooks", agent, headers: { "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": delivery, "x-hub-signature-256": "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex") } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function run(mode, gh, redis, privateKey) {
  gh.reset();
  const webPort = await freePort();
  const workers = mode === "inprocess" ? 0 : Number(mode.split("-")[1]);
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production",
    APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET, HOST: "127.0.0.1", PORT: String(webPort),
    GHE_HOST: `127.0.0.1:${gh.port}`, GHE_PROTOCOL: "http", LOG_LEVEL: "warn", NO_SMEE_SETUP: "true",
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith("MAMORI_"))), // e.g. MAMORI_CONCURRENCY
    ...(workers > 0 ? { REDIS_URL: redis.url, MAMORI_QUEUE: `bench-${mode}-${Date.now()}` } : {}),
  };
  const web = startProcess("lib/index.js", env, "web");
  const workerProcs = [];
  for (let w = 0; w < workers; w++) {
    const metricsPort = await freePort();
    workerProcs.push({ child: startProcess("lib/worker/main.js", { ...env, MAMORI_METRICS_PORT: String(metricsPort) }, `worker ${w + 1}`), metricsPort });
  }
  await waitHttp(webPort, "/healthz");
  for (const w of workerProcs) await waitHttp(w.metricsPort, "/healthz");

  const names = Array.from({ length: N }, (_, i) => `repo-${i}`);
  const repos = names.map((n) => gh.addRepo(n));
  const sent = new Map();
  const ack = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (next < N) {
      const i = next++;
      const t = performance.now();
      sent.set(names[i], t);
      const status = await sendWebhook(webPort, payloadFor(names[i], 1000 + i, repos[i]), `bench-${mode}-${i}`);
      if (status !== 200) throw new Error(`webhook answered ${status}`);
      ack.push(performance.now() - t);
    }
  }));
  const sentAll = performance.now();
  const deadline = Date.now() + 15 * 60_000;
  while (gh.done.size < N && Date.now() < deadline) await sleep(50);
  const finished = performance.now();
  const latencies = names.filter((n) => gh.done.has(n)).map((n) => gh.done.get(n).at - sent.get(n));
  const conclusions = {};
  for (const d of gh.done.values()) conclusions[d.conclusion] = (conclusions[d.conclusion] ?? 0) + 1;
  const rss = { web: vmHWM(web.pid), workers: workerProcs.map((w) => vmHWM(w.child.pid)) };
  await Promise.all([stop(web), ...workerProcs.map((w) => stop(w.child))]);
  return {
    mode, completed: gh.done.size, conclusions,
    throughput: gh.done.size / ((finished - started) / 1000),
    sendSeconds: (sentAll - started) / 1000,
    ackP95: percentile(ack, 95), p50: percentile(latencies, 50), p95: percentile(latencies, 95),
    rss, requestsPerScan: gh.requests() / Math.max(1, gh.done.size),
  };
}

// ---------- main ----------
const mib = (b) => `${(b / 1048576).toFixed(0)} MiB`;
try { readFileSync(join(root, "lib/worker/main.js")); } catch { console.error("build first: npm run build"); process.exit(2); }
const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } }).privateKey;
const gh = await startFakeGitHub();
const redis = MODES.some((m) => m.startsWith("redis")) ? await startRedis() : null;
if (MODES.some((m) => m.startsWith("redis")) && !redis) console.error("redis-server not found: Redis modes skipped (apt-get install redis-server)");
console.log(`Mamori load bench: ${N} pull_request webhooks (each: 12 source files with patches, one .env, one 20-row customer CSV; one installation per repository), ${(await import("node:os")).availableParallelism()} CPUs, Node ${process.version}, MAMORI_CONCURRENCY=${process.env.MAMORI_CONCURRENCY ?? "4 (default)"} jobs per process`);
const results = [];
try {
  for (const mode of MODES) {
    if (mode.startsWith("redis") && !redis) continue;
    const r = await run(mode, gh, redis, privateKey);
    results.push(r);
    const label = r.mode === "inprocess" ? "in-process queue (no Redis)" : `web + ${r.mode.split("-")[1]} worker process(es) on Redis`;
    console.log(`\n${label}`);
    console.log(`  completed checks   ${r.completed}/${N} ${JSON.stringify(r.conclusions)}`);
    console.log(`  throughput         ${r.throughput.toFixed(1)} scans/s (all webhooks sent in ${r.sendSeconds.toFixed(1)} s; webhook answer p95 ${r.ackP95.toFixed(0)} ms)`);
    console.log(`  webhook -> check   p50 ${(r.p50 / 1000).toFixed(2)} s, p95 ${(r.p95 / 1000).toFixed(2)} s`);
    console.log(`  peak RSS           web ${mib(r.rss.web)}${r.rss.workers.map((w, i) => `, worker ${i + 1} ${mib(w)}`).join("")} (total ${mib(r.rss.web + r.rss.workers.reduce((a, b) => a + b, 0))})`);
    console.log(`  GitHub requests    ${r.requestsPerScan.toFixed(1)} per scan`);
  }
} finally {
  gh.close();
  redis?.stop();
  agent.destroy();
}
