/**
 * A writer for standard output or error that stops quietly when the reader goes away
 * (`mamori rules -f json | head -1`: EPIPE), instead of crashing; the exit code stays the
 * scan's. Other stream errors are still thrown.
 */
export function safeWriter(stream: NodeJS.WritableStream): (s: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed = true;
    else throw error;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}
