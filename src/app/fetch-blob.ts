import type { Octokit } from "./scan-job.js";

/** The bytes of a git blob (up to 100 MB), checked against the size GitHub reports. */
export async function fetchBlob(octokit: Octokit, owner: string, repo: string, sha: string): Promise<Uint8Array> {
  const res = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { owner, repo, file_sha: sha });
  const { content, encoding, size } = res.data;
  const bytes = encoding === "base64" ? Buffer.from(content, "base64") : Buffer.from(content, "utf8");
  if (typeof size === "number" && bytes.length !== size) {
    throw new Error(`blob ${sha.slice(0, 12)} came back truncated (${bytes.length} of ${size} bytes)`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
