// Worker-thread entry of the scan pool: runs scan requests off the main event loop.
import { parentPort } from "node:worker_threads";
import { runScanRequest, type ScanRequest } from "./run-scan-request.js";

parentPort!.on("message", (message: { id: number; request: ScanRequest }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: runScanRequest(message.request) });
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({ id: message.id, error: { name: e?.name ?? "Error", message: String(e?.message ?? error) } });
  }
});
