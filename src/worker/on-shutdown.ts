/**
 * Runs `stop` once on SIGINT or SIGTERM (Docker and Kubernetes), then exits 0; a second signal
 * exits at once with 1. Listeners others added for these signals (e.g. Probot's own SIGINT
 * handler, which exits before jobs finish) are replaced when `replace` holds them.
 */
export function onShutdown(stop: () => Promise<void>, replace: readonly ((...args: unknown[]) => void)[] = []): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    for (const l of process.listeners(signal)) if (replace.includes(l as never)) process.off(signal, l);
  }
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.error(`mamori: ${signal}: finishing running jobs (a second signal exits at once)`);
    stop().then(
      () => process.exit(0),
      (error) => {
        console.error(`mamori: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}
