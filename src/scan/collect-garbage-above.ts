import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined | null = null;

/**
 * A full garbage collection when the heap holds more than `bytes`. A table read in batches keeps
 * little alive between batches (columns, the persons counter), but V8 lets garbage pile up to
 * hundreds of MiB at the rate a scan allocates; collecting between batches keeps the peak near
 * the live set. `gc` is reached without `--expose-gc` on the command line (the flag set at run
 * time, the function taken from a new context); where that fails, nothing is done.
 */
export function collectGarbageAbove(bytes: number): void {
  if (getHeapStatistics().used_heap_size < bytes) return;
  if (gc === null) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = undefined;
    }
  }
  gc?.();
}
