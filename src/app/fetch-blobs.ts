import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { parseTar } from "nanotar";
import { BlobTooLargeError, fetchBlob, GITHUB_BLOB_LIMIT } from "./fetch-blob.js";
import { mapLimit } from "./map-limit.js";
import type { Octokit } from "./scan-job.js";

export interface WantedBlob {
  path: string;
  sha: string;
  commit: string;
}

/** Past this many blobs, read the head's tarball once instead of one request per blob (MAMORI_MAX_BLOB_REQUESTS). */
const DEFAULT_BLOB_REQUESTS = 300;
/** Largest tarball accepted, compressed and inflated (MAMORI_MAX_TARBALL_BYTES); a bigger one falls back to blob requests. */
const DEFAULT_TARBALL_BYTES = 512 * 1024 * 1024;

export interface FetchedBlobs {
  fetched: { path: string; commit: string; bytes: Uint8Array }[];
  /** Blobs over `maxBytes`: not read past the limit, listed with the reason ("too large …"). */
  skipped: { path: string; reason: string }[];
}

/**
 * The bytes of many blobs within a request budget: up to MAMORI_MAX_BLOB_REQUESTS one request
 * each; beyond that one tarball of `headSha` (a single request however many files), whose entries
 * are matched by git blob SHA (a blob whose version is not the head's is still fetched alone).
 * The tarball is inflated with a size limit (no gzip bomb), and any failure to use it falls back
 * to blob requests, so nothing is silently skipped. A blob over `maxBytes` (the configuration's
 * `scan.maxFileBytes`) is not read past the limit: it is listed as skipped, too large.
 */
export async function fetchBlobs(octokit: Octokit, owner: string, repo: string, headSha: string, wanted: WantedBlob[], concurrency: number, maxBytes = GITHUB_BLOB_LIMIT): Promise<FetchedBlobs> {
  const budget = Number(process.env.MAMORI_MAX_BLOB_REQUESTS) || DEFAULT_BLOB_REQUESTS;
  const found = new Map<string, Uint8Array>();
  if (wanted.length > budget) {
    try {
      const shas = new Set(wanted.map((w) => w.sha));
      for (const [sha, bytes] of await readTarball(octokit, owner, repo, headSha, shas)) found.set(sha, bytes);
    } catch {
      // fall back to one request per blob
    }
  }
  const out: FetchedBlobs = { fetched: [], skipped: [] };
  type Outcome = FetchedBlobs["fetched"][number] | FetchedBlobs["skipped"][number];
  const results = await mapLimit(wanted, concurrency, async (w): Promise<Outcome> => {
    const known = found.get(w.sha);
    if (known && known.length > maxBytes) return { path: w.path, reason: tooLarge(new BlobTooLargeError(w.sha, known.length, maxBytes, true)) };
    try {
      return { path: w.path, commit: w.commit, bytes: known ?? (await fetchBlob(octokit, owner, repo, w.sha, maxBytes)) };
    } catch (error) {
      if (error instanceof BlobTooLargeError) return { path: w.path, reason: tooLarge(error) };
      throw error;
    }
  });
  for (const r of results) {
    if ("bytes" in r) out.fetched.push(r);
    else out.skipped.push(r);
  }
  return out;
}

/** The skip reason of a blob over the limit, worded as the decoder words it. */
function tooLarge(error: BlobTooLargeError): string {
  return error.exact ? `too large (${error.size} bytes > ${error.limit})` : `too large (more than ${error.limit} bytes)`;
}

async function readTarball(octokit: Octokit, owner: string, repo: string, ref: string, shas: Set<string>): Promise<Map<string, Uint8Array>> {
  const max = Number(process.env.MAMORI_MAX_TARBALL_BYTES) || DEFAULT_TARBALL_BYTES;
  const res = await octokit.request("GET /repos/{owner}/{repo}/tarball/{ref}", { owner, repo, ref });
  const gz = new Uint8Array(res.data as ArrayBuffer);
  if (gz.length > max) throw new Error("tarball too large");
  const tar = gunzipSync(gz, { maxOutputLength: max });
  const out = new Map<string, Uint8Array>();
  for (const item of parseTar(tar)) {
    if ((item.type !== undefined && item.type !== "file" && item.type !== "contiguousFile") || !item.data) continue;
    const sha = createHash("sha1").update(`blob ${item.data.length}\0`).update(item.data).digest("hex");
    if (shas.has(sha)) out.set(sha, item.data);
  }
  return out;
}
