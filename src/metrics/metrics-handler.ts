import type { IncomingMessage, ServerResponse } from "node:http";
import { getMetrics } from "./get-metrics.js";

/**
 * `GET /metrics` -> Prometheus text format. Before answering, `beforeScrape` can refresh
 * sampled values (the queue depth). Other requests pass on (returns false).
 */
export function metricsHandler(beforeScrape?: () => Promise<void>) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") return false;
    const { registry } = getMetrics();
    void (async () => {
      try {
        await beforeScrape?.();
      } catch {
        // a queue that cannot be reached shows its last depth
      }
      const body = await registry.metrics();
      res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" }).end(body);
    })().catch(() => res.writeHead(500).end());
    return true;
  };
}
