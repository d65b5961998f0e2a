import { createServer, type Server } from "node:http";
import { healthHandler } from "../app/health-handler.js";
import { metricsHandler } from "../metrics/metrics-handler.js";

/** A `mamori worker`'s own small HTTP server: GET /healthz and GET /metrics on `port` (127.0.0.1 unless `host`). */
export function serveWorkerHealth(port: number, host: string, beforeScrape?: () => Promise<void>): Promise<Server> {
  const metrics = metricsHandler(beforeScrape);
  const server = createServer((req, res) => {
    if (!healthHandler(req, res) && !metrics(req, res)) res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
