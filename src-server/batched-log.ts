const FLUSH_MS = 50;
const FLUSH_BYTES = 64 * 1024;

/**
 * The server's log lines, written to stdout in batches (every 50 ms, or at 64 KB): a synchronous
 * write per line (stdout is a pipe under a process manager) cost the server more under load than
 * the pushes it logs, while an asynchronous stream buffers without bound when the reader lags.
 * Batches keep one write per batch and the memory bounded; `flush` on exit writes what is left.
 */
export function batchedLog(write: (text: string) => void = (text) => void process.stdout.write(text)): { write(line: string): void; flush(): void } {
  let pending: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    bytes = 0;
    write(text);
  };
  return {
    write(line) {
      pending.push(line);
      bytes += line.length;
      if (bytes >= FLUSH_BYTES) flush();
      else timer ??= setTimeout(flush, FLUSH_MS);
    },
    flush,
  };
}
