/** What CONFIG GET needs of a Redis client (ioredis: `redis.config("GET", name)`). */
export interface ConfigReader {
  config(subcommand: "GET", name: string): Promise<unknown>;
}

export interface RedisDurability {
  /**
   * `durable`: append-only file with fsync every second or on every write; `volatile`: jobs
   * accepted since the last snapshot are lost if Redis dies; `unknown`: CONFIG is disabled or
   * renamed (managed Redis) or Redis did not answer.
   */
  state: "durable" | "volatile" | "unknown";
  /** One line for the log, saying what was found and how to fix it. */
  message: string;
}

const FIX = "run Redis with `appendonly yes` and `appendfsync everysec` (or `always`), see the README's Redis section";

/**
 * Whether the Redis that holds the scan jobs survives being killed without losing accepted jobs:
 * `appendonly yes` with `appendfsync everysec` or `always`. With snapshots only (RDB), or
 * `appendfsync no`, a crash loses the jobs accepted since the last write to disk — webhooks
 * GitHub was told were received. Reads CONFIG GET; a managed Redis that disables CONFIG gives
 * `unknown` (the caller warns that it could not be checked).
 */
export async function checkRedisDurability(client: ConfigReader): Promise<RedisDurability> {
  let appendonly: string | undefined;
  let appendfsync: string | undefined;
  try {
    appendonly = valueOf(await client.config("GET", "appendonly"));
    appendfsync = valueOf(await client.config("GET", "appendfsync"));
  } catch (error) {
    const reason = String((error as Error)?.message ?? error).split("\n")[0].slice(0, 200);
    return { state: "unknown", message: `could not check whether Redis persists jobs (CONFIG GET failed: ${reason}); make sure it does: ${FIX}` };
  }
  if (appendonly === undefined || appendfsync === undefined) {
    return { state: "unknown", message: `could not check whether Redis persists jobs (CONFIG GET gave no value); make sure it does: ${FIX}` };
  }
  if (appendonly.toLowerCase() !== "yes") {
    return { state: "volatile", message: `Redis runs without an append-only file (appendonly ${appendonly}): if it dies, jobs accepted since its last snapshot are lost; ${FIX}` };
  }
  if (!["everysec", "always"].includes(appendfsync.toLowerCase())) {
    return { state: "volatile", message: `Redis writes its append-only file without fsync (appendfsync ${appendfsync}): if the machine dies, recently accepted jobs can be lost; ${FIX}` };
  }
  return { state: "durable", message: `Redis persists jobs (appendonly yes, appendfsync ${appendfsync})` };
}

/** CONFIG GET answers `[name, value]` (RESP2) or `{ name: value }` (RESP3); nothing when the setting does not exist. */
function valueOf(reply: unknown): string | undefined {
  if (Array.isArray(reply)) return reply.length >= 2 ? String(reply[1]) : undefined;
  if (reply && typeof reply === "object") {
    const values = Object.values(reply as Record<string, unknown>);
    return values.length > 0 ? String(values[0]) : undefined;
  }
  return undefined;
}
