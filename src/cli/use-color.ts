/**
 * Whether text output is coloured: never with `--no-color` or a non-empty `NO_COLOR`
 * (https://no-color.org); always with a non-empty `FORCE_COLOR` other than `0`; otherwise
 * only on a terminal. Node 20's `util.styleText` does not look at NO_COLOR itself, so it is
 * decided here.
 */
export function useColor(isTty: boolean, noColorFlag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return isTty;
}
