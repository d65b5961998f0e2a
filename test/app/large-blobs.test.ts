import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub } from "./helpers/fake-github.js";
import { largeFile } from "./helpers/large-file.js";
import { makeProbot } from "./helpers/make-probot.js";
import { pullRequestPayload } from "./helpers/payloads.js";
import { makeSecrets } from "./helpers/samples.js";

let gh: FakeGitHub;
beforeEach(() => {
  nock.disableNetConnect();
  gh = new FakeGitHub();
  gh.install();
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

const MB = 1024 * 1024;
const blobRequests = () => gh.requests.filter((r) => r.path.includes("/git/blobs/"));

// Issue 11, item 13: a blob of ~6 MB or more used to fail the whole scan ("Scan could not
// finish"): its JSON answer held an ~8 MiB base64 string that overflowed the JSON parser under
// @octokit/request. Blobs are now fetched raw and streamed within scan.maxFileBytes.
describe("large blobs in the app", () => {
  it("a 50 MB file is fetched raw, scanned whole, and its secret on the last line is annotated", { timeout: 300_000 }, async () => {
    const s = makeSecrets();
    const { bytes, tailLine } = largeFile(50 * MB, { filler: "value = 1", tail: `token = "${s.githubToken}"\n` });
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "src/generated.py": bytes });
    const { probot, logs } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion, run.output.summary).toBe("failure");
    expect(run.output.summary).not.toMatch(/could not finish|Incomplete/i);
    expect(run.annotations).toEqual([expect.objectContaining({ path: "src/generated.py", start_line: tailLine })]);
    expect(blobRequests().map((r) => r.accept)).toEqual(["application/vnd.github.raw"]);
    expect(gh.invalid).toEqual([]);
    expect(gh.allSent() + logs.join("")).not.toContain(s.githubToken);
  });

  it("a blob over scan.maxFileBytes is not read past the limit: listed as too large, the check fails as incomplete", { timeout: 120_000 }, async () => {
    gh.streamBlobs = true; // no Content-Length: the limit is enforced while reading
    const { bytes } = largeFile(8 * MB, { filler: "value = 1" });
    const base = gh.base({ ".github/mamori.yml": `scan:\n  maxFileBytes: ${MB}\n`, "README.md": "# widgets\n" });
    const head = gh.commit(base, { "src/generated.py": bytes, "src/small.py": "x = 1\n".repeat(30_000) });
    gh.patchLimit = 1000;
    const { probot } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head, changedFiles: 2 }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("Incomplete scan: 1 file could not be read");
    expect(run.output.summary).toContain(`\`src/generated.py\`: too large (more than ${MB} bytes)`);
    expect(gh.invalid).toEqual([]);
  });

  it("a blob with a declared length over the limit is not read at all", { timeout: 120_000 }, async () => {
    const { bytes } = largeFile(3 * MB, { filler: "value = 1" });
    const base = gh.base({ ".github/mamori.yml": `scan:\n  maxFileBytes: ${MB}\n` });
    const head = gh.commit(base, { "data/big.csv": bytes });
    const { probot } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toContain(`\`data/big.csv\`: too large (${3 * MB} bytes > ${MB})`);
  });

  it("a blob whose bytes do not match its SHA fails closed instead of scanning them", { timeout: 60_000 }, async () => {
    const s = makeSecrets();
    const real = new TextEncoder().encode(`x = 1\ntoken = "${s.githubToken}"\n`);
    const base = gh.base({ "README.md": "# widgets\n" });
    const head = gh.commit(base, { "data/export.csv": real });
    const sha = [...gh.blobs].find(([, b]) => b === gh.commits.get(head)!.files.get("data/export.csv"))![0];
    gh.tampered.set(sha, real.subarray(0, 6)); // a truncated answer
    const { probot } = await makeProbot();
    await probot.receive(pullRequestPayload(gh, { base, head }));
    const run = gh.checkRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(/altered or truncated/);
  });
});
