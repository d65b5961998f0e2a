import { generateKeyPairSync, randomBytes } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/engine/compile-rules.js";
import { expandBase64Secrets } from "../../src/engine/expand-base64-secrets.js";
import { scanUnit } from "../../src/engine/scan-unit.js";
import { builtinRulesDir, loadRules } from "../../src/rules/load-rules.js";

// Values are generated at test time: nothing live-looking is committed.
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const rnd = (n: number) => Array.from(randomBytes(n), (b) => B62[b % 62]).join("");
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("expandBase64Secrets", () => {
  const sendgrid = `SG.${rnd(22)}.${rnd(43)}`;
  const signing = `${rnd(20)}7${rnd(3)}`;
  const manifest = [
    "apiVersion: v1",
    "kind: Secret",
    "metadata:",
    "  name: api",
    "type: Opaque",
    "stringData:",
    "  PLAIN: not-base64",
    "data:",
    `  SENDGRID_API_KEY: ${b64(sendgrid)}`,
    `  JWT_SIGNING_KEY: "${b64(signing)}"`,
    `  keystore.p12: ${Buffer.from([0, 1, 2, 3, 255, 254]).toString("base64")}`,
    "---",
    "apiVersion: v1",
    "kind: ConfigMap",
    "data:",
    `  NOT_SECRET: ${b64("hello world")}`,
  ].join("\n");

  it("decodes each data value of a Secret and points at the encoded line and column", () => {
    const units = expandBase64Secrets({ path: "k8s/secret.yaml", text: manifest });
    expect(units.map((u) => u.text)).toEqual([`SENDGRID_API_KEY: ${sendgrid}`, `JWT_SIGNING_KEY: ${signing}`]);
    expect(units[0].locate!(5)).toEqual({ line: 9, column: 21 });
    expect(units[1].locate!(0)).toEqual({ line: 10, column: 21 });
    expect(units.every((u) => u.path === "k8s/secret.yaml")).toBe(true);
  });

  it("ignores ConfigMaps, stringData and binary values", () => {
    const units = expandBase64Secrets({ path: "cm.yaml", text: "kind: ConfigMap\ndata:\n  X: " + b64(sendgrid) });
    expect(units).toEqual([]);
  });

  it("reads JSON Secrets (kubectl get secret -o json)", () => {
    const json = JSON.stringify({ apiVersion: "v1", kind: "Secret", data: { TOKEN: b64(sendgrid) } }, null, 2);
    const units = expandBase64Secrets({ path: "s.json", text: json });
    expect(units.map((u) => u.text)).toEqual([`TOKEN: ${sendgrid}`]);
    expect(units[0].locate!(0).line).toBe(5);
  });

  it("decodes kubeconfig *-data fields", () => {
    const key = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" }).toString();
    const kubeconfig = `apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    client-key-data: ${b64(key)}\n`;
    const units = expandBase64Secrets({ path: ".kube/config", text: kubeconfig });
    expect(units).toHaveLength(1);
    expect(units[0].text.startsWith("client-key-data: -----BEGIN EC PRIVATE KEY-----")).toBe(true);
    expect(units[0].locate!(40).line).toBe(6);
  });

  it("keeps the unit's own locate and onlyLines", () => {
    const onlyLines = new Set([9]);
    const units = expandBase64Secrets({ path: "a.yaml", text: manifest, onlyLines, locate: (o) => ({ line: 100 + o, column: 1 }) });
    expect(units[0].onlyLines).toBe(onlyLines);
    expect(units[0].locate!(0).line).toBeGreaterThan(100);
  });

  it("lets the secret rules find the decoded credentials on the encoded lines", () => {
    const compiled = compileRules(loadRules(join(builtinRulesDir, "secrets")));
    const findings = expandBase64Secrets({ path: "k8s/secret.yaml", text: manifest }).flatMap((u) => scanUnit(compiled, u, { salt: "t" }));
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["sendgrid-api-key", 9],
      ["generic-secret-config", 10],
    ]);
    expect(findings.every((f) => !f.redacted.includes(sendgrid))).toBe(true);
  });
});
