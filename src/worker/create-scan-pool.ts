import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ScanResult } from "../scan/scan-files.js";
import type { ScanRequest } from "./run-scan-request.js";

export interface ScanPool {
  /** Runs one scan request on a free thread; rejects when the thread fails or exceeds `timeoutMs` (the thread is then replaced). */
  run(request: ScanRequest, options?: { timeoutMs?: number }): Promise<ScanResult>;
  /** Requests waiting for a thread. */
  pending(): number;
  /** Terminates the threads; waiting requests are rejected. */
  close(): Promise<void>;
  readonly size: number;
}

export interface ScanPoolOptions {
  /** Threads (default: MAMORI_SCAN_THREADS or the number of CPUs, at least 1). */
  size?: number;
  /** The thread's module (default: scan-thread.js next to this file, i.e. the compiled lib/). */
  threadUrl?: URL;
  /** Per-request time limit in ms (default: MAMORI_SCAN_TIMEOUT_MS or 5 minutes). */
  timeoutMs?: number;
  /** V8 old-space limit of each thread in MB (default: MAMORI_SCAN_THREAD_MB or 1024): a decoding bomb kills a thread, not the process. */
  maxOldGenerationSizeMb?: number;
}

interface Task {
  request: ScanRequest;
  timeoutMs: number;
  resolve: (result: ScanResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

/** The compiled thread module next to this file, or undefined when running from TypeScript sources (tests). */
export function defaultThreadUrl(): URL | undefined {
  const url = new URL("./scan-thread.js", import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * A small pool of worker threads for the synchronous, CPU-bound pipeline (`scanFiles`), so the
 * webhook endpoint and the queue's heartbeats stay responsive while a scan runs. A thread that
 * crashes, runs out of memory or overruns its time limit is terminated and replaced; its
 * request rejects (the job then fails closed).
 */
export function createScanPool(options: ScanPoolOptions = {}): ScanPool {
  const threadUrl = options.threadUrl ?? defaultThreadUrl();
  if (!threadUrl) throw new Error("scan-thread.js not found: build first (npm run build)");
  const size = Math.max(1, options.size ?? (Number(process.env.MAMORI_SCAN_THREADS) || availableParallelism()));
  const defaultTimeout = options.timeoutMs ?? (Number(process.env.MAMORI_SCAN_TIMEOUT_MS) || 5 * 60_000);
  const maxOld = options.maxOldGenerationSizeMb ?? (Number(process.env.MAMORI_SCAN_THREAD_MB) || 1024);
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let closed = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: new Worker(threadUrl, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: maxOld } }) };
    slot.worker.unref();
    slot.worker.on("message", (message: { result?: ScanResult; error?: { name: string; message: string } }) => {
      const task = finish(slot);
      if (!task) return;
      if (message.error) task.reject(Object.assign(new Error(message.error.message), { name: message.error.name }));
      else task.resolve(message.result!);
      next();
    });
    const fail = (error: Error) => {
      const task = finish(slot);
      replace(slot);
      task?.reject(error);
      next();
    };
    slot.worker.on("error", (error) => fail(new Error(`scan thread failed: ${error.message.split("\n")[0]}`)));
    slot.worker.on("exit", (code) => {
      if (!closed && slots.includes(slot)) fail(new Error(`scan thread exited (code ${code})`));
    });
    return slot;
  };
  const finish = (slot: Slot): Task | undefined => {
    clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    return task;
  };
  const replace = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i < 0) return;
    slots.splice(i, 1);
    void slot.worker.terminate();
    if (!closed) slots.push(spawn());
  };
  const next = () => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.task) continue;
      const task = queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        const t = finish(slot);
        replace(slot);
        t?.reject(new Error(`the scan of ${task.request.inputs.length} file(s) did not finish within ${Math.round(task.timeoutMs / 1000)} s (MAMORI_SCAN_TIMEOUT_MS)`));
        next();
      }, task.timeoutMs);
      slot.worker.postMessage({ id: 0, request: task.request });
    }
  };
  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    run(request, runOptions = {}) {
      if (closed) return Promise.reject(new Error("the scan pool is closed"));
      return new Promise<ScanResult>((resolve, reject) => {
        queue.push({ request, timeoutMs: runOptions.timeoutMs ?? defaultTimeout, resolve, reject });
        next();
      });
    },
    pending: () => queue.length,
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new Error("the scan pool is closed"));
      const all = slots.splice(0);
      for (const slot of all) {
        const task = finish(slot);
        task?.reject(new Error("the scan pool is closed"));
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
