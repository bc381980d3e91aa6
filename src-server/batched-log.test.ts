import { describe, expect, it } from 'vitest';
import { batchedLog } from './batched-log';

describe('batchedLog', () => {
  it('writes the lines of 50 ms in one write, at once from 64 KB, and what is left on flush', async () => {
    const writes: string[] = [];
    const log = batchedLog((text) => writes.push(text));
    log.write('a\n');
    log.write('b\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(writes).toEqual(['a\nb\n']);

    log.write('x'.repeat(64 * 1024));
    expect(writes).toHaveLength(2);
    log.write('c\n');
    log.flush();
    expect(writes).toEqual(['a\nb\n', 'x'.repeat(64 * 1024), 'c\n']);
  });
});
