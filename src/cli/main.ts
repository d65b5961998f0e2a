#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { runCli } from "./run-cli.js";
import { safeWriter } from "./safe-writer.js";

if (process.argv[2] === "worker") {
  // `mamori worker`: the Redis queue worker of the GitHub App (same as the mamori-worker bin).
  await import("../worker/main.js");
} else {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: safeWriter(process.stdout),
    stderr: safeWriter(process.stderr),
    stdin: () => readFileSync(0),
    isTty: process.stderr.isTTY === true,
    stdoutTty: process.stdout.isTTY === true,
    version: pkg.version,
  });
}
