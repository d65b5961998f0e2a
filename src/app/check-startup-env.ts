import { createPrivateKey } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { fingerprintKeyFromText } from "../scan/fingerprint-key-from-text.js";

/**
 * Checks the app's credentials before Probot starts, because Probot treats a malformed private
 * key like a missing one and silently starts its setup page. Loads `.env` the way Probot does
 * (its values win), then: no APP_ID and no key -> setup mode is fine; APP_ID without a usable
 * key, or a key without APP_ID -> throws with what to fix. Outside NODE_ENV=development a web
 * process also needs a WEBHOOK_SECRET other than Probot's default. Never prints the key.
 */
export function checkStartupEnv(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  options: { receivesWebhooks?: boolean } = {},
): "setup" | "app" {
  const dotenv = resolve(cwd, ".env");
  if (env === process.env && existsSync(dotenv)) Object.assign(process.env, parseEnv(readFileSync(dotenv, "utf8")));
  const appId = env.APP_ID?.trim();
  if (env.MAMORI_FINGERPRINT_KEY !== undefined) fingerprintKeyFromText(env.MAMORI_FINGERPRINT_KEY, "MAMORI_FINGERPRINT_KEY");
  const key = readPrivateKey(env, cwd);
  if (!appId && key === null) return "setup";
  if (!appId) throw new Error("A private key is configured but APP_ID is not set: set APP_ID to the GitHub App's ID (or remove the key to run the setup page).");
  if (!/^\d+$/.test(appId)) throw new Error(`APP_ID must be the numeric ID of the GitHub App (got ${appId.length} characters that are not a number).`);
  if (key === null) {
    throw new Error("APP_ID is set but no private key was found: set PRIVATE_KEY (the .pem contents, or base64 of them) or PRIVATE_KEY_PATH, or put the single .pem file in the working folder.");
  }
  try {
    const parsed = createPrivateKey(key.text);
    if (parsed.asymmetricKeyType !== "rsa") throw new Error("not an RSA key");
  } catch {
    throw new Error(
      `The private key from ${key.from} is not a valid RSA private key in PEM format. Download a new key from the GitHub App's settings page ("Generate a private key") and set it again; Mamori does not start its setup page when APP_ID is set.`,
    );
  }
  if (options.receivesWebhooks !== false) checkWebhookSecret(env);
  return "app";
}

/**
 * Outside development, a missing WEBHOOK_SECRET would leave Probot on its public default
 * (`development`): anyone could sign webhooks and make the app mint installation tokens.
 */
function checkWebhookSecret(env: NodeJS.ProcessEnv): void {
  const mode = env.NODE_ENV ?? "";
  if (mode === "development" || mode === "test") return;
  const secret = env.WEBHOOK_SECRET ?? "";
  if (secret === "" || secret === "development") {
    throw new Error(
      `WEBHOOK_SECRET is ${secret === "" ? "not set" : "Probot's public default"} (NODE_ENV=${mode || "unset"}): anyone could send signed webhooks. Set WEBHOOK_SECRET to the secret configured on the GitHub App (App settings → Webhook secret); only NODE_ENV=development runs without one.`,
    );
  }
}

/** The App's private key from PRIVATE_KEY, PRIVATE_KEY_PATH or the single `.pem` in `cwd` (null: none). */
export function readPrivateKey(env: NodeJS.ProcessEnv, cwd: string): { text: string; from: string } | null {
  if (env.PRIVATE_KEY) {
    let text = env.PRIVATE_KEY.trim();
    if (!text.includes("-----BEGIN") && Buffer.from(text, "base64").toString("base64") === text) text = Buffer.from(text, "base64").toString("utf8");
    text = text.replace(/\\n/g, "\n");
    if (!text.includes("\n")) text = text.replace(/(-----BEGIN [A-Z ]+-----)/, "$1\n").replace(/(-----END [A-Z ]+-----)/, "\n$1");
    return { text, from: "PRIVATE_KEY" };
  }
  if (env.PRIVATE_KEY_PATH) {
    const path = resolve(cwd, env.PRIVATE_KEY_PATH);
    if (!existsSync(path)) throw new Error(`PRIVATE_KEY_PATH points at ${env.PRIVATE_KEY_PATH}, which does not exist.`);
    return { text: readFileSync(path, "utf8"), from: "PRIVATE_KEY_PATH" };
  }
  const pems = readdirSync(cwd).filter((f) => f.endsWith(".pem"));
  if (pems.length > 1) throw new Error(`More than one .pem file in ${cwd} (${pems.join(", ")}): set PRIVATE_KEY_PATH to the right one.`);
  return pems[0] ? { text: readFileSync(resolve(cwd, pems[0]), "utf8"), from: pems[0] } : null;
}
