import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { getMetrics } from "./get-metrics.js";

/**
 * `GET /metrics` -> Prometheus text format. Before answering, `beforeScrape` can refresh
 * sampled values (the queue depth). With a `token` (default: MAMORI_METRICS_TOKEN), a scrape
 * without `Authorization: Bearer <token>` gets 401. Other requests pass on (returns false).
 */
export function metricsHandler(beforeScrape?: () => Promise<void>, token: string | undefined = process.env.MAMORI_METRICS_TOKEN) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") return false;
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(401, { "www-authenticate": 'Bearer realm="mamori metrics"', "cache-control": "no-store" }).end();
        return true;
      }
    }
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
