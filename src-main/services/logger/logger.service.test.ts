import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonLinesLogger, logFileName } from './logger.service';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-logs-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('JSON-lines logger', () => {
  it('appends one JSON object per line, in order, into the day file', async () => {
    const time = new Date('2026-05-17T23:59:00Z');
    const logger = createJsonLinesLogger({ dataDir, now: () => time });
    await Promise.all([
      logger.write({ level: 'info', message: 'first', source: 'renderer' }),
      logger.write({ level: 'error', message: 'line\nbreak "quoted"', context: { caseId: 'sak-1' }, source: 'main' }),
    ]);
    const file = join(dataDir, 'logs', logFileName(time));
    expect(file.endsWith('saksflyt-2026-05-17.jsonl')).toBe(true);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      { time: '2026-05-17T23:59:00.000Z', level: 'info', message: 'first', source: 'renderer' },
      {
        time: '2026-05-17T23:59:00.000Z',
        level: 'error',
        message: 'line\nbreak "quoted"',
        context: { caseId: 'sak-1' },
        source: 'main',
      },
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('still records the message when the context cannot be serialized', async () => {
    const logger = createJsonLinesLogger({ dataDir, now: () => new Date('2026-01-01T00:00:00Z') });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await logger.write({ level: 'warn', message: 'cyclic', context: cyclic, source: 'main' });
    const line = await readFile(join(dataDir, 'logs', 'saksflyt-2026-01-01.jsonl'), 'utf8');
    expect(JSON.parse(line)).toMatchObject({ message: 'cyclic', context: '[unserializable]' });
  });
});
