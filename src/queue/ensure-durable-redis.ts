import { Redis } from "ioredis";
import { checkRedisDurability, type ConfigReader, type RedisDurability } from "./check-redis-durability.js";

export interface DurabilityLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * The start-up check of the web process and of `mamori worker`: is the job queue's Redis
 * durable (append-only file, fsync every second or always)? Not durable: a loud warning, or
 * with MAMORI_REDIS_REQUIRE_AOF=1 an error (the process must not start). When it cannot be
 * checked (CONFIG disabled on a managed Redis, Redis not answering within `timeoutMs`), a
 * warning that says so — also with MAMORI_REDIS_REQUIRE_AOF=1.
 */
export async function ensureDurableRedis(url: string | ConfigReader, log: DurabilityLog, env: NodeJS.ProcessEnv = process.env, timeoutMs = 5000): Promise<RedisDurability> {
  const client = typeof url === "string" ? new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: true, connectTimeout: timeoutMs }) : url;
  if (client instanceof Redis) client.on("error", () => undefined); // a refused connection is reported below, not as an unhandled event
  let timer: NodeJS.Timeout | undefined;
  let result: RedisDurability;
  try {
    const timeout = new Promise<RedisDurability>((resolve) => {
      timer = setTimeout(() => resolve({ state: "unknown", message: `could not check whether Redis persists jobs (no answer within ${timeoutMs / 1000} s); make sure it runs with \`appendonly yes\` and \`appendfsync everysec\`` }), timeoutMs);
    });
    result = await Promise.race([checkRedisDurability(client), timeout]);
  } finally {
    clearTimeout(timer);
    if (client instanceof Redis) client.disconnect();
  }
  const required = env.MAMORI_REDIS_REQUIRE_AOF === "1" || env.MAMORI_REDIS_REQUIRE_AOF === "true";
  if (result.state === "durable") log.info(result.message);
  else if (result.state === "volatile" && required) throw new Error(`${result.message} (MAMORI_REDIS_REQUIRE_AOF=1: not starting)`);
  else log.warn(`WARNING: ${result.message}${result.state === "volatile" ? " (set MAMORI_REDIS_REQUIRE_AOF=1 to refuse to start)" : ""}`);
  return result;
}
