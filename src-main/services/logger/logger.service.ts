import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEntry } from '../../../src-shared/ipc/log.contract';
import { createSerialQueue } from '../fs/serial-queue';

export type LogSource = 'main' | 'renderer' | 'browser-host';

export interface LogRecord extends LogEntry {
  source: LogSource;
}

export interface Logger {
  write(record: LogRecord): Promise<void>;
}

/**
 * Appends one JSON object per line to `<dataDir>/logs/saksflyt-YYYY-MM-DD.jsonl` (UTC day).
 * JSON escaping keeps every record on one line, whatever the message contains.
 */
export function createJsonLinesLogger(options: { dataDir: string; now?: () => Date }): Logger {
  const logDir = join(options.dataDir, 'logs');
  const now = options.now ?? (() => new Date());
  const serial = createSerialQueue();

  return {
    write: (record) =>
      serial(async () => {
        const time = now();
        const line = toJsonLine({ time: time.toISOString(), ...record });
        await mkdir(logDir, { recursive: true, mode: 0o700 });
        await appendFile(join(logDir, logFileName(time)), line, { encoding: 'utf8', mode: 0o600 });
      }),
  };
}

export function logFileName(time: Date): string {
  return `saksflyt-${time.toISOString().slice(0, 10)}.jsonl`;
}

function toJsonLine(value: Record<string, unknown>): string {
  try {
    return `${JSON.stringify(value)}\n`;
  } catch {
    // A context that JSON cannot hold (cycles, BigInt) still leaves a trace of the message.
    const { context: _context, ...rest } = value;
    return `${JSON.stringify({ ...rest, context: '[unserializable]' })}\n`;
  }
}
