import type { Context } from "probot";
import type { ScanJob } from "./scan-job.js";

type Payload = Context<"push">["payload"];

/**
 * The scan job of a push, or null for what Mamori ignores: tag pushes and branch deletions.
 * A new branch has no base (the default branch is used); a force push keeps `before`, which
 * the runner abandons for the default branch when GitHub no longer has it.
 */
export function jobFromPush(payload: Payload, deliveryId?: string): ScanJob | null {
  if (!payload.ref.startsWith("refs/heads/")) return null;
  if (payload.deleted || /^0+$/.test(payload.after)) return null;
  const files = new Set<string>();
  for (const c of payload.commits ?? []) for (const p of [...(c.added ?? []), ...(c.modified ?? [])]) files.add(p);
  return {
    kind: "push",
    installationId: payload.installation?.id ?? 0,
    owner: payload.repository.owner?.login ?? payload.repository.owner?.name ?? "",
    repo: payload.repository.name,
    headSha: payload.after,
    ...(payload.created || /^0+$/.test(payload.before) ? {} : { baseSha: payload.before }),
    branch: payload.ref.slice("refs/heads/".length),
    defaultBranch: payload.repository.default_branch ?? payload.repository.master_branch ?? "main",
    publicRepository: payload.repository.private === false,
    forced: payload.forced,
    ...(files.size > 0 ? { expectedFiles: files.size } : {}),
    ...(deliveryId ? { deliveryId } : {}),
  };
}
