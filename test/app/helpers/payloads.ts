import examples from "@octokit/webhooks-examples" with { type: "json" };
import type { FakeGitHub } from "./fake-github.js";

interface WebhookDefinition {
  name: string;
  examples: Record<string, any>[];
}
const defs = examples as unknown as WebhookDefinition[];

/** A real example payload of `event` (with an installation), deep-copied. */
export function example(event: string, pick: (p: Record<string, any>) => boolean): Record<string, any> {
  const found = defs.find((d) => d.name === event)?.examples.find((p) => p.installation?.id && pick(p));
  if (!found) throw new Error(`no ${event} example`);
  return structuredClone(found);
}

function pointAt(payload: Record<string, any>, gh: FakeGitHub, isPrivate = true): void {
  payload.repository.name = gh.repo;
  payload.repository.full_name = `${gh.owner}/${gh.repo}`;
  payload.repository.owner.login = gh.owner;
  payload.repository.owner.name = gh.owner;
  payload.repository.default_branch = gh.defaultBranch;
  payload.repository.master_branch = gh.defaultBranch;
  payload.repository.private = isPrivate;
}

export function pullRequestPayload(gh: FakeGitHub, o: { action?: string; number?: number; base: string; head: string; branch?: string; changedFiles?: number }) {
  const action = o.action ?? "opened";
  const p = example("pull_request", (x) => x.action === action);
  pointAt(p, gh);
  p.number = o.number ?? 7;
  p.pull_request.number = p.number;
  p.pull_request.head.sha = o.head;
  p.pull_request.head.ref = o.branch ?? "feature";
  p.pull_request.base.sha = o.base;
  p.pull_request.base.ref = gh.defaultBranch;
  p.pull_request.changed_files = o.changedFiles ?? 1;
  return { name: "pull_request" as const, id: `delivery-pr-${action}`, payload: p };
}

export function pushPayload(gh: FakeGitHub, o: { ref: string; before: string; after: string; created?: boolean; deleted?: boolean; forced?: boolean }) {
  const p = example("push", (x) => x.ref === "refs/heads/master");
  pointAt(p, gh);
  Object.assign(p, { ref: o.ref, before: o.before, after: o.after, created: o.created ?? false, deleted: o.deleted ?? false, forced: o.forced ?? false });
  p.commits = [];
  p.head_commit = null;
  return { name: "push" as const, id: "delivery-push", payload: p };
}

export function checkSuitePayload(gh: FakeGitHub, o: { head: string; branch: string; before?: string; pulls?: { number: number; head: string; base: string }[] }) {
  const p = example("check_suite", (x) => x.action === "rerequested");
  pointAt(p, gh);
  p.check_suite.head_sha = o.head;
  p.check_suite.head_branch = o.branch;
  p.check_suite.before = o.before ?? null;
  p.check_suite.pull_requests = (o.pulls ?? []).map((x) => ({ number: x.number, head: { ref: o.branch, sha: x.head }, base: { ref: gh.defaultBranch, sha: x.base } }));
  return { name: "check_suite" as const, id: "delivery-suite", payload: p };
}

export function checkRunPayload(gh: FakeGitHub, o: { id: number; name?: string; head: string; branch: string; pulls?: { number: number; head: string; base: string }[] }) {
  const p = example("check_run", (x) => x.action === "rerequested");
  pointAt(p, gh);
  p.check_run.id = o.id;
  p.check_run.name = o.name ?? "Mamori";
  p.check_run.head_sha = o.head;
  p.check_run.check_suite.head_sha = o.head;
  p.check_run.check_suite.head_branch = o.branch;
  const pulls = (o.pulls ?? []).map((x) => ({ number: x.number, head: { ref: o.branch, sha: x.head }, base: { ref: gh.defaultBranch, sha: x.base } }));
  p.check_run.pull_requests = pulls;
  p.check_run.check_suite.pull_requests = pulls;
  return { name: "check_run" as const, id: "delivery-run", payload: p };
}
