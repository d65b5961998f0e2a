import { generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { mamoriApp, type MamoriAppOptions } from "../../../src/app/mamori-app.js";

export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object), enabled: false },
}));

export const privateKey = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
}).privateKey;

/** A Probot with the Mamori app loaded, retries and throttling off, and every log line captured. */
export async function makeProbot(options: MamoriAppOptions = {}): Promise<{ probot: Probot; logs: string[] }> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: "trace" }, stream);
  const probot = new Probot({ appId: 123, privateKey, secret: "test-webhook-secret", log, Octokit: TestOctokit });
  await probot.load((app) => mamoriApp(app, options));
  return { probot, logs };
}
