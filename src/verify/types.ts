/** The outcome of asking a provider whether a found credential still works. */
export type VerifyStatus = "live" | "revoked" | "unknown";

/** One harmless, read-only HTTP call that tells whether a credential works. */
export interface VerifyRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface Verifier {
  /** Provider name shown in reports and docs. */
  provider: string;
  /** Rule ids whose findings this verifier can check. */
  ruleIds: string[];
  /** The only hosts a value may be sent to (exact names). */
  hosts: string[];
  /** The call for one value; `partner` is the matching AWS key id for a secret access key. */
  request(value: string, partner?: string): VerifyRequest;
  /** Maps the provider's answer to a status; default: 2xx live, 401 revoked, anything else unknown. */
  interpret?(status: number, body: string): VerifyStatus;
  /** Rule id of a second value this verifier needs (AWS: the key id that goes with a secret). */
  needs?: string;
}
