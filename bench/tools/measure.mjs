// Runs a command as a child process and measures wall time, CPU time and peak RSS.
// Uses GNU time (`/usr/bin/time -v -o FILE`) when present; otherwise polls the child's
// /proc/<pid>/status VmHWM (Linux), which undercounts grandchildren.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const GNU_TIME = "/usr/bin/time";

/**
 * measure(cmd, args, { cwd, cpus }) -> { status, seconds, userSeconds, sysSeconds, peakRssMiB, stderr, method }
 * cpus: e.g. "0" to pin the child (and its threads) to one core with taskset.
 */
export async function measure(cmd, args, { cwd, cpus, env } = {}) {
  let argv = [cmd, ...args];
  if (cpus !== undefined) argv = ["taskset", "-c", cpus, ...argv];
  const useGnuTime = existsSync(GNU_TIME);
  const timeFile = join(tmpdir(), `mamori-bench-time-${process.pid}-${Date.now()}.txt`);
  if (useGnuTime) argv = [GNU_TIME, "-v", "-o", timeFile, ...argv];

  const t0 = performance.now();
  const child = spawn(argv[0], argv.slice(1), { cwd, env: env ?? process.env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
    if (stderr.length > 1e6) stderr = stderr.slice(-5e5);
  });
  let polledKb = 0;
  const poll = useGnuTime
    ? undefined
    : setInterval(() => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) polledKb = Math.max(polledKb, Number(m[1]));
        } catch {
          /* exited */
        }
      }, 20);
  const status = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
  const seconds = (performance.now() - t0) / 1000;
  if (poll) clearInterval(poll);

  let peakRssMiB = polledKb / 1024;
  let userSeconds = NaN;
  let sysSeconds = NaN;
  let exitStatus = status;
  if (useGnuTime && existsSync(timeFile)) {
    const t = readFileSync(timeFile, "utf8");
    rmSync(timeFile, { force: true });
    const num = (re) => Number((re.exec(t) ?? [])[1]);
    peakRssMiB = num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024;
    userSeconds = num(/User time \(seconds\): ([\d.]+)/);
    sysSeconds = num(/System time \(seconds\): ([\d.]+)/);
    const ex = /Exit status: (\d+)/.exec(t);
    if (ex) exitStatus = Number(ex[1]);
    if (/Command terminated by signal/.test(t)) exitStatus = 128;
  }
  return { status: exitStatus, seconds, userSeconds, sysSeconds, peakRssMiB, stderr, method: useGnuTime ? "GNU time -v" : "/proc VmHWM poll" };
}
