import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic-write';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saksflyt-atomic-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes text as UTF-8 and bytes as they are, replacing the old content and leaving no temp file', async () => {
    const path = join(dir, 'nested', 'file.bin');
    await writeFileAtomic(path, 'Ærlig talt, øl på Åsen');
    expect(await readFile(path, 'utf8')).toBe('Ærlig talt, øl på Åsen');
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80]);
    await writeFileAtomic(path, bytes, { mode: 0o600 });
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    expect(await readdir(join(dir, 'nested'))).toEqual(['file.bin']);
  });

  it('creates a new file with the requested mode', async () => {
    const path = join(dir, 'secret.pdf');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]), { mode: 0o600 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});
