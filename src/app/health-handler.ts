import type { IncomingMessage, ServerResponse } from "node:http";

/** `GET /healthz` -> 200 `{"status":"ok"}` for the Docker HEALTHCHECK and load balancers. Other requests pass on. */
export function healthHandler(req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.url?.split("?")[0] !== "/healthz") return false;
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : '{"status":"ok"}');
  return true;
}
