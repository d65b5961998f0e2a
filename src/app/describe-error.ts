/**
 * A short description of an error that is safe to show in a check run and to log: the HTTP
 * status, method and URL path of a failed GitHub request, or the error's first line. Never the
 * request or response body (they could carry file content).
 */
export function describeError(error: unknown): string {
  const e = error as { name?: string; status?: number; message?: string; request?: { method?: string; url?: string } };
  const first = String(e?.message ?? error).split("\n")[0].slice(0, 300);
  if (typeof e?.status === "number" && e.request?.url) {
    let path = e.request.url;
    try {
      path = new URL(e.request.url).pathname;
    } catch {
      // keep the raw url
    }
    return `GitHub API ${e.request.method ?? "GET"} ${path} answered ${e.status}${first ? `: ${first}` : ""}`;
  }
  return first || String(e?.name ?? "unknown error");
}
