import { describe, expect, it } from "vitest";
import { jobFromPush } from "../../src/app/job-from-push.js";
import { jobFromRerequest } from "../../src/app/job-from-rerequest.js";
import { FakeGitHub } from "./helpers/fake-github.js";
import { checkRunPayload, checkSuitePayload, example, pushPayload } from "./helpers/payloads.js";

const gh = new FakeGitHub();
const zero = "0".repeat(40);
const a = "a".repeat(40);
const b = "b".repeat(40);

describe("jobFromPush", () => {
  it("ignores tag pushes and branch deletions, including the real examples", () => {
    for (const p of [example("push", (x) => x.ref.startsWith("refs/tags/")), example("push", (x) => x.deleted === true)]) {
      expect(jobFromPush(p as never)).toBeNull();
    }
    expect(jobFromPush(pushPayload(gh, { ref: "refs/heads/x", before: a, after: zero, deleted: true }).payload as never)).toBeNull();
  });

  it("scans a new branch against the default branch and keeps before for a normal push", () => {
    const created = jobFromPush(pushPayload(gh, { ref: "refs/heads/topic", before: zero, after: b, created: true }).payload as never)!;
    expect(created).toMatchObject({ kind: "push", branch: "topic", headSha: b, defaultBranch: "main", installationId: 1 });
    expect(created.baseSha).toBeUndefined();
    expect(jobFromPush(pushPayload(gh, { ref: "refs/heads/main", before: a, after: b }).payload as never)).toMatchObject({ baseSha: a, branch: "main" });
  });

  it("is plain JSON (a queue can carry it)", () => {
    const job = jobFromPush(pushPayload(gh, { ref: "refs/heads/main", before: a, after: b, forced: true }).payload as never)!;
    expect(JSON.parse(JSON.stringify(job))).toEqual(job);
  });
});

describe("jobFromRerequest", () => {
  it("turns a suite with a pull request into a pull request job", () => {
    const job = jobFromRerequest(checkSuitePayload(gh, { head: b, branch: "topic", pulls: [{ number: 4, head: b, base: a }] }).payload as never)!;
    expect(job).toMatchObject({ kind: "pull_request", pullNumber: 4, baseSha: a, headSha: b });
  });
  it("turns a suite without one into a push job from `before`", () => {
    expect(jobFromRerequest(checkSuitePayload(gh, { head: b, branch: "main", before: a }).payload as never)).toMatchObject({ kind: "push", baseSha: a, branch: "main" });
  });
  it("re-runs the named Mamori check run only", () => {
    expect(jobFromRerequest(checkRunPayload(gh, { id: 55, head: b, branch: "topic" }).payload as never)).toMatchObject({ checkRunId: 55, headSha: b });
    expect(jobFromRerequest(checkRunPayload(gh, { id: 56, name: "lint", head: b, branch: "topic" }).payload as never)).toBeNull();
  });
});
