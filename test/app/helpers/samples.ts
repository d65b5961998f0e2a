import { expandTemplate } from "../../helpers/expand-template.js";

/** Credentials generated at test time (valid shapes and checksums, never live). */
export function makeSecrets() {
  return {
    awsKeyId: expandTemplate("AKIA{{upper:16}}"),
    awsSecret: expandTemplate("{{base62:40}}"),
    githubToken: expandTemplate("ghp_{{base62:30}}{{crc32-github}}"),
  };
}

/** A `.env` file holding the generated secrets, one per line (lines 2, 3, 4). */
export function envFile(s: ReturnType<typeof makeSecrets>): string {
  return ["# service settings", `AWS_ACCESS_KEY_ID=${s.awsKeyId}`, `AWS_SECRET_ACCESS_KEY=${s.awsSecret}`, `GITHUB_TOKEN=${s.githubToken}`, ""].join("\n");
}
