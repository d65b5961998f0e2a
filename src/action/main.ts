#!/usr/bin/env node
// Entry of the GitHub Action (action.yml): node lib/action/main.js with the runner's environment.
import { readFileSync } from "node:fs";
import { runCli } from "../cli/run-cli.js";
import { runAction } from "./run-action.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
process.exitCode = await runAction(process.env, {
  scan: runCli,
  log: (s) => process.stdout.write(s),
  version: pkg.version,
});
