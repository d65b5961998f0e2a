import { signAwsSigV4 } from "./sign-aws-sigv4.js";
import type { Verifier, VerifyStatus } from "./types.js";

const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` });
const UA = { "user-agent": "mamori-verify" };

/** 2xx: the credential works; 403: it authenticated but may not read this (still live); 401: revoked. */
const liveOn403 = (status: number): VerifyStatus => (status >= 200 && status < 300) || status === 403 ? "live" : status === 401 ? "revoked" : "unknown";

/**
 * Harmless read-only calls, one per provider: who am I / list models / validate the token. Each
 * verifier names the only hosts its values may be sent to; `verifyFindings` refuses any other.
 */
export const verifiers: Verifier[] = [
  {
    provider: "GitHub",
    ruleIds: ["github-pat", "github-fine-grained-pat", "github-oauth-token", "github-user-to-server-token", "github-installation-token"],
    hosts: ["api.github.com"],
    request: (v) => ({
      url: v.startsWith("ghs_") ? "https://api.github.com/installation/repositories?per_page=1" : "https://api.github.com/user",
      headers: { ...bearer(v), accept: "application/vnd.github+json", ...UA },
    }),
    interpret: liveOn403,
  },
  {
    provider: "GitLab",
    ruleIds: ["gitlab-pat"],
    hosts: ["gitlab.com"],
    request: (v) => ({ url: "https://gitlab.com/api/v4/personal_access_tokens/self", headers: { "private-token": v, ...UA } }),
  },
  {
    provider: "Slack",
    ruleIds: ["slack-bot-token", "slack-rotating-token"],
    hosts: ["slack.com"],
    request: (v) => ({ url: "https://slack.com/api/auth.test", method: "POST", headers: { ...bearer(v), ...UA } }),
    interpret: (status, body) => {
      if (status !== 200) return "unknown";
      try {
        const json = JSON.parse(body) as { ok?: boolean; error?: string };
        if (json.ok === true) return "live";
        return ["invalid_auth", "token_revoked", "account_inactive", "token_expired", "not_authed"].includes(json.error ?? "") ? "revoked" : "unknown";
      } catch {
        return "unknown";
      }
    },
  },
  {
    provider: "Stripe",
    ruleIds: ["stripe-secret-key", "stripe-restricted-key", "stripe-test-secret-key"],
    hosts: ["api.stripe.com"],
    request: (v) => ({ url: "https://api.stripe.com/v1/balance", headers: { ...basic(v, ""), ...UA } }),
    interpret: liveOn403,
  },
  {
    provider: "AWS",
    ruleIds: ["aws-secret-access-key"],
    needs: "aws-access-key-id",
    hosts: ["sts.amazonaws.com"],
    request: (secret, keyId) =>
      signAwsSigV4({ accessKeyId: keyId ?? "", secretAccessKey: secret, host: "sts.amazonaws.com", region: "us-east-1", service: "sts", body: "Action=GetCallerIdentity&Version=2011-06-15" }),
    interpret: (status, body) => {
      if (status === 200) return "live";
      if (status === 403 && /InvalidClientTokenId|ExpiredToken/.test(body)) return "revoked";
      return "unknown"; // SignatureDoesNotMatch: the key id and the secret may not belong together
    },
  },
  { provider: "OpenAI", ruleIds: ["openai-api-key"], hosts: ["api.openai.com"], request: (v) => ({ url: "https://api.openai.com/v1/models", headers: { ...bearer(v), ...UA } }) },
  {
    provider: "Anthropic",
    ruleIds: ["anthropic-api-key"],
    hosts: ["api.anthropic.com"],
    request: (v) => ({ url: "https://api.anthropic.com/v1/models", headers: { "x-api-key": v, "anthropic-version": "2023-06-01", ...UA } }),
  },
  { provider: "npm", ruleIds: ["npm-access-token"], hosts: ["registry.npmjs.org"], request: (v) => ({ url: "https://registry.npmjs.org/-/whoami", headers: { ...bearer(v), ...UA } }) },
  { provider: "SendGrid", ruleIds: ["sendgrid-api-key"], hosts: ["api.sendgrid.com"], request: (v) => ({ url: "https://api.sendgrid.com/v3/scopes", headers: { ...bearer(v), ...UA } }), interpret: liveOn403 },
  { provider: "LINE", ruleIds: ["line-channel-access-token"], hosts: ["api.line.me"], request: (v) => ({ url: "https://api.line.me/v2/bot/info", headers: { ...bearer(v), ...UA } }) },
  { provider: "Chatwork", ruleIds: ["chatwork-api-token", "chatwork-api-token-env"], hosts: ["api.chatwork.com"], request: (v) => ({ url: "https://api.chatwork.com/v2/me", headers: { "x-chatworktoken": v, ...UA } }) },
  { provider: "Hugging Face", ruleIds: ["huggingface-access-token", "huggingface-org-token"], hosts: ["huggingface.co"], request: (v) => ({ url: "https://huggingface.co/api/whoami-v2", headers: { ...bearer(v), ...UA } }) },
  { provider: "DigitalOcean", ruleIds: ["digitalocean-pat", "digitalocean-oauth-token"], hosts: ["api.digitalocean.com"], request: (v) => ({ url: "https://api.digitalocean.com/v2/account", headers: { ...bearer(v), ...UA } }) },
  {
    provider: "Cloudflare",
    ruleIds: ["cloudflare-api-token"],
    hosts: ["api.cloudflare.com"],
    request: (v) => ({ url: "https://api.cloudflare.com/client/v4/user/tokens/verify", headers: { ...bearer(v), ...UA } }),
    interpret: (status, body) => {
      if (status === 401 || status === 403) return "revoked";
      if (status !== 200) return "unknown";
      return /"status"\s*:\s*"active"/.test(body) ? "live" : "revoked";
    },
  },
  { provider: "Mailgun", ruleIds: ["mailgun-api-key", "mailgun-api-key-v2"], hosts: ["api.mailgun.net"], request: (v) => ({ url: "https://api.mailgun.net/v3/domains?limit=1", headers: { ...basic("api", v), ...UA } }) },
  {
    provider: "Telegram",
    ruleIds: ["telegram-bot-token"],
    hosts: ["api.telegram.org"],
    request: (v) => ({ url: `https://api.telegram.org/bot${v}/getMe`, headers: UA }),
    interpret: (status) => (status === 200 ? "live" : status === 401 || status === 404 ? "revoked" : "unknown"),
  },
  { provider: "Discord", ruleIds: ["discord-bot-token"], hosts: ["discord.com"], request: (v) => ({ url: "https://discord.com/api/v10/users/@me", headers: { authorization: `Bot ${v}`, ...UA } }) },
  { provider: "Groq", ruleIds: ["groq-api-key"], hosts: ["api.groq.com"], request: (v) => ({ url: "https://api.groq.com/openai/v1/models", headers: { ...bearer(v), ...UA } }) },
  { provider: "Mistral", ruleIds: ["mistral-api-key"], hosts: ["api.mistral.ai"], request: (v) => ({ url: "https://api.mistral.ai/v1/models", headers: { ...bearer(v), ...UA } }) },
  { provider: "DeepSeek", ruleIds: ["deepseek-api-key"], hosts: ["api.deepseek.com"], request: (v) => ({ url: "https://api.deepseek.com/models", headers: { ...bearer(v), ...UA } }) },
  { provider: "Replicate", ruleIds: ["replicate-api-token"], hosts: ["api.replicate.com"], request: (v) => ({ url: "https://api.replicate.com/v1/account", headers: { ...bearer(v), ...UA } }) },
  {
    provider: "Notion",
    ruleIds: ["notion-integration-token", "notion-legacy-token"],
    hosts: ["api.notion.com"],
    request: (v) => ({ url: "https://api.notion.com/v1/users/me", headers: { ...bearer(v), "notion-version": "2022-06-28", ...UA } }),
  },
  { provider: "Postman", ruleIds: ["postman-api-key"], hosts: ["api.getpostman.com"], request: (v) => ({ url: "https://api.getpostman.com/me", headers: { "x-api-key": v, ...UA } }) },
  {
    provider: "Heroku",
    ruleIds: ["heroku-api-key", "heroku-platform-token"],
    hosts: ["api.heroku.com"],
    request: (v) => ({ url: "https://api.heroku.com/account", headers: { ...bearer(v), accept: "application/vnd.heroku+json; version=3", ...UA } }),
  },
  { provider: "Asana", ruleIds: ["asana-pat"], hosts: ["app.asana.com"], request: (v) => ({ url: "https://app.asana.com/api/1.0/users/me", headers: { ...bearer(v), ...UA } }) },
  { provider: "Airtable", ruleIds: ["airtable-pat"], hosts: ["api.airtable.com"], request: (v) => ({ url: "https://api.airtable.com/v0/meta/whoami", headers: { ...bearer(v), ...UA } }) },
  { provider: "Doppler", ruleIds: ["doppler-token"], hosts: ["api.doppler.com"], request: (v) => ({ url: "https://api.doppler.com/v3/me", headers: { ...bearer(v), ...UA } }) },
  { provider: "Buildkite", ruleIds: ["buildkite-api-token"], hosts: ["api.buildkite.com"], request: (v) => ({ url: "https://api.buildkite.com/v2/access-token", headers: { ...bearer(v), ...UA } }) },
  { provider: "CircleCI", ruleIds: ["circleci-personal-token"], hosts: ["circleci.com"], request: (v) => ({ url: "https://circleci.com/api/v2/me", headers: { "circle-token": v, ...UA } }) },
  { provider: "Pulumi", ruleIds: ["pulumi-access-token"], hosts: ["api.pulumi.com"], request: (v) => ({ url: "https://api.pulumi.com/api/user", headers: { authorization: `token ${v}`, accept: "application/vnd.pulumi+8", ...UA } }) },
  { provider: "HCP Terraform", ruleIds: ["terraform-cloud-token"], hosts: ["app.terraform.io"], request: (v) => ({ url: "https://app.terraform.io/api/v2/account/details", headers: { ...bearer(v), ...UA } }) },
  { provider: "Typeform", ruleIds: ["typeform-pat"], hosts: ["api.typeform.com"], request: (v) => ({ url: "https://api.typeform.com/me", headers: { ...bearer(v), ...UA } }) },
];
