import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkStartupEnv } from "../../src/app/check-startup-env.js";
import { privateKey } from "./helpers/make-probot.js";

const dir = mkdtempSync(join(tmpdir(), "mamori-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("checkStartupEnv", () => {
  it("allows setup mode when there is neither APP_ID nor a key", () => {
    expect(checkStartupEnv({}, dir)).toBe("setup");
  });
  it("accepts a valid key as PEM, with \\n escapes, or base64", () => {
    const secret = { WEBHOOK_SECRET: randomBytes(12).toString("hex") };
    expect(checkStartupEnv({ APP_ID: "42", PRIVATE_KEY: privateKey, ...secret }, dir)).toBe("app");
    expect(checkStartupEnv({ APP_ID: "42", PRIVATE_KEY: privateKey.replace(/\n/g, "\\n"), ...secret }, dir)).toBe("app");
    expect(checkStartupEnv({ APP_ID: "42", PRIVATE_KEY: Buffer.from(privateKey).toString("base64"), ...secret }, dir)).toBe("app");
  });
  it("fails loudly on a malformed key instead of falling into setup mode, without printing it", () => {
    const broken = privateKey.slice(0, 200) + privateKey.slice(260);
    let message = "";
    try {
      checkStartupEnv({ APP_ID: "42", PRIVATE_KEY: broken }, dir);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/not a valid RSA private key/);
    expect(message).not.toContain(broken.slice(40, 80));
  });
  it("fails on APP_ID without a key, a key without APP_ID, and a missing key file", () => {
    expect(() => checkStartupEnv({ APP_ID: "42" }, dir)).toThrow(/no private key/);
    expect(() => checkStartupEnv({ PRIVATE_KEY: privateKey }, dir)).toThrow(/APP_ID is not set/);
    expect(() => checkStartupEnv({ APP_ID: "42", PRIVATE_KEY_PATH: "nope.pem" }, dir)).toThrow(/does not exist/);
    writeFileSync(join(dir, "app.pem"), "garbage");
    expect(() => checkStartupEnv({ APP_ID: "42" }, dir)).toThrow(/app\.pem is not a valid/);
  });
  it("refuses to start a web process outside development without a real WEBHOOK_SECRET (Probot would accept webhooks signed with `development`)", () => {
    const app = { APP_ID: "42", PRIVATE_KEY: privateKey };
    for (const NODE_ENV of ["production", "staging", undefined]) {
      expect(() => checkStartupEnv({ ...app, NODE_ENV }, dir)).toThrow(/WEBHOOK_SECRET is not set/);
      expect(() => checkStartupEnv({ ...app, NODE_ENV, WEBHOOK_SECRET: "development" }, dir)).toThrow(/WEBHOOK_SECRET is Probot's public default/);
      expect(checkStartupEnv({ ...app, NODE_ENV, WEBHOOK_SECRET: randomBytes(12).toString("hex") }, dir)).toBe("app");
      // A worker receives no webhooks: it needs no secret.
      expect(checkStartupEnv({ ...app, NODE_ENV }, dir, { receivesWebhooks: false })).toBe("app");
    }
    expect(checkStartupEnv({ ...app, NODE_ENV: "development" }, dir)).toBe("app");
  });
});
