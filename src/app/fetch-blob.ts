import { createHash } from "node:crypto";
import type { Octokit } from "./scan-job.js";

/** The largest blob GitHub's blob API serves (100 MB): the default bound of a fetch. */
export const GITHUB_BLOB_LIMIT = 100 * 1024 * 1024;

/** A blob over the scan's size limit: it was not read past the limit (listed as skipped, "too large"). */
export class BlobTooLargeError extends Error {
  constructor(
    readonly sha: string,
    /** Bytes known so far: the declared length, or what had arrived when the read stopped. */
    readonly size: number,
    readonly limit: number,
    /** Whether `size` is the whole blob's length (declared) or only a lower bound. */
    readonly exact: boolean,
  ) {
    super(`blob ${sha.slice(0, 12)} is too large (${exact ? "" : "over "}${size} bytes > ${limit})`);
  }
}

/**
 * The bytes of a git blob, fetched raw (`application/vnd.github.raw`: no base64 string, no JSON
 * parse, so a 50 MB file costs 50 MB) and streamed with a bound: past `maxBytes` the read stops
 * and a BlobTooLargeError says so. The bytes are checked against the blob's SHA-1 (a truncated or
 * altered answer fails instead of being scanned as if whole).
 */
export async function fetchBlob(octokit: Octokit, owner: string, repo: string, sha: string, maxBytes = GITHUB_BLOB_LIMIT): Promise<Uint8Array> {
  const res = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
    owner,
    repo,
    file_sha: sha,
    headers: { accept: "application/vnd.github.raw" },
    request: { parseSuccessResponseBody: false },
  });
  const body = res.data as unknown as ReadableStream<Uint8Array> | null;
  const headers = res.headers as Record<string, string | number | undefined>;
  // A declared length over the limit stops before the body is read (only when not compressed:
  // a compressed length says little about the blob's).
  const declared = Number(headers["content-length"]);
  if (!headers["content-encoding"] && Number.isFinite(declared) && declared > maxBytes) {
    await body?.cancel().catch(() => undefined);
    throw new BlobTooLargeError(sha, declared, maxBytes, true);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new BlobTooLargeError(sha, total, maxBytes, false);
      }
      chunks.push(value);
    }
  }
  const bytes = Buffer.concat(chunks, total);
  const got = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
  if (/^[0-9a-f]{40}$/i.test(sha) && got !== sha.toLowerCase()) {
    throw new Error(`blob ${sha.slice(0, 12)} came back altered or truncated (${bytes.length} bytes, SHA-1 ${got.slice(0, 12)})`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
