import { fetchBlob, GITHUB_BLOB_LIMIT } from "./fetch-blob.js";
import type { Octokit } from "./scan-job.js";

/**
 * The bytes of `path` at `ref`, or null when the file is not there (404, or a folder). Files
 * over 1 MB come without content from the contents API and are read as blobs, raw and bounded
 * by `maxBytes` (BlobTooLargeError past it).
 */
export async function fetchFileAt(octokit: Octokit, owner: string, repo: string, path: string, ref?: string, maxBytes = GITHUB_BLOB_LIMIT): Promise<Uint8Array | null> {
  let data: unknown;
  try {
    const res = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ...(ref ? { ref } : {}) });
    data = res.data;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  if (Array.isArray(data)) return null;
  const file = data as { type?: string; encoding?: string; content?: string; sha: string; size?: number };
  if (file.type !== "file") return null;
  if (file.encoding === "base64" && typeof file.content === "string" && (file.content.length > 0 || file.size === 0)) {
    const bytes = Buffer.from(file.content, "base64");
    if (typeof file.size === "number" && bytes.length !== file.size) return fetchBlob(octokit, owner, repo, file.sha, maxBytes);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
  return fetchBlob(octokit, owner, repo, file.sha, maxBytes);
}
