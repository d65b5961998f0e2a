import { runCli } from "../../src/cli/run-cli.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output; `stdin` is what standard input holds. */
export async function runCliCapture(args: string[], options: { stdin?: string | Buffer; stdoutTty?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdin: () => (typeof options.stdin === "string" ? Buffer.from(options.stdin) : (options.stdin ?? Buffer.alloc(0))),
    isTty: false,
    stdoutTty: options.stdoutTty ?? false,
    version: "0.0.0-test",
  });
  return { code, stdout, stderr };
}
