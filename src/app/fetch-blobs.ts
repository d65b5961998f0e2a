import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { parseTar } from "nanotar";
import { fetchBlob } from "./fetch-blob.js";
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

/**
 * The bytes of many blobs within a request budget: up to MAMORI_MAX_BLOB_REQUESTS one request
 * each; beyond that one tarball of `headSha` (a single request however many files), whose entries
 * are matched by git blob SHA (a blob whose version is not the head's is still fetched alone).
 * The tarball is inflated with a size limit (no gzip bomb), and any failure to use it falls back
 * to blob requests, so nothing is silently skipped.
 */
export async function fetchBlobs(octokit: Octokit, owner: string, repo: string, headSha: string, wanted: WantedBlob[], concurrency: number): Promise<{ path: string; commit: string; bytes: Uint8Array }[]> {
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
  return mapLimit(wanted, concurrency, async (w) => ({ path: w.path, commit: w.commit, bytes: found.get(w.sha) ?? (await fetchBlob(octokit, owner, repo, w.sha)) }));
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
