// Worker-thread entry of the scan pool: runs scan requests off the main event loop. With
// `verify`, found credentials are checked against their providers here, where the raw values
// still are; only redacted findings are posted back.
import { parentPort } from "node:worker_threads";
import type { ScanRequest } from "./run-scan-request.js";
import { scanAndVerify } from "./scan-and-verify.js";

parentPort!.on("message", async (message: { id: number; request: ScanRequest }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: await scanAndVerify(message.request) });
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({ id: message.id, error: { name: e?.name ?? "Error", message: String(e?.message ?? error) } });
  }
});
