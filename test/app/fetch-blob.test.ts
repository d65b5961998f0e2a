import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { BlobTooLargeError, fetchBlob } from "../../src/app/fetch-blob.js";
import type { Octokit } from "../../src/app/scan-job.js";

const blobSha = (b: Uint8Array) => createHash("sha1").update(`blob ${b.length}\0`).update(b).digest("hex");

/** An Octokit whose only request answers with `bytes` as a stream of 64 KiB chunks, counting what was pulled. */
function fakeOctokit(bytes: Uint8Array, headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false, options: undefined as Record<string, any> | undefined };
  let at = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        const chunk = bytes.subarray(at, at + 65536);
        at += chunk.length;
        seen.pulled += chunk.length;
        controller.enqueue(chunk);
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const octokit = {
    request: async (_route: string, options: Record<string, any>) => {
      seen.options = options;
      return { status: 200, url: "", headers, data: stream };
    },
  } as unknown as Octokit;
  return { octokit, seen };
}

describe("fetchBlob (issue 11, item 13)", () => {
  it("asks for the raw bytes, unparsed, and checks them against the blob's SHA-1", async () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    const { octokit, seen } = fakeOctokit(bytes);
    const got = await fetchBlob(octokit, "acme", "widgets", blobSha(bytes));
    expect(Buffer.compare(got, bytes)).toBe(0);
    expect(seen.options).toMatchObject({ headers: { accept: "application/vnd.github.raw" }, request: { parseSuccessResponseBody: false } });
  });

  it("stops reading a stream past the limit and cancels it", async () => {
    const bytes = new Uint8Array(20 * 1024 * 1024);
    const { octokit, seen } = fakeOctokit(bytes);
    const error = await fetchBlob(octokit, "acme", "widgets", blobSha(bytes), 1024 * 1024).catch((e) => e);
    expect(error).toBeInstanceOf(BlobTooLargeError);
    expect(error).toMatchObject({ limit: 1024 * 1024, exact: false });
    expect(seen.pulled).toBeLessThanOrEqual(1024 * 1024 + 2 * 65536);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const bytes = new Uint8Array(2 * 1024 * 1024);
    const { octokit, seen } = fakeOctokit(bytes, { "content-length": String(bytes.length) });
    const error = await fetchBlob(octokit, "acme", "widgets", blobSha(bytes), 1024 * 1024).catch((e) => e);
    expect(error).toMatchObject({ size: bytes.length, exact: true });
    expect(seen.pulled).toBe(0);
  });

  it("rejects bytes that are not the blob (truncated or altered)", async () => {
    const bytes = new TextEncoder().encode("hello\n");
    const { octokit } = fakeOctokit(bytes.subarray(0, 3));
    await expect(fetchBlob(octokit, "acme", "widgets", blobSha(bytes))).rejects.toThrow(/altered or truncated/);
  });
});
