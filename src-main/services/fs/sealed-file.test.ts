import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealedFiles, isSealed, sealPlainFiles, type SealedFiles } from './sealed-file';

let root: string;
let files: SealedFiles;
const key = randomBytes(32);
const secret = 'Kari Nordmann 01019912345 — søknad om permisjon';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-sealed-'));
  files = createSealedFiles({ root, key: async () => key });
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('sealed files', () => {
  it('round-trips text and bytes, and the file on disk holds neither', async () => {
    const path = join(root, 'documents', 'a.pdf');
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(secret, 'utf8'), randomBytes(64)]);
    await files.write(path, bytes);
    expect(await files.read(path)).toEqual(bytes);
    const raw = await readFile(path);
    expect(isSealed(raw)).toBe(true);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(raw.includes(Buffer.from('Kari'))).toBe(false);

    await files.write(join(root, 'state.json'), secret);
    expect((await files.read(join(root, 'state.json'))).toString('utf8')).toBe(secret);
  });

  it('refuses a tampered file, one sealed with another key, and a missing one with ENOENT', async () => {
    const path = join(root, 'tampered.json');
    await files.write(path, secret);
    const raw = await readFile(path);
    raw.writeUInt8(raw.readUInt8(raw.length - 20) ^ 0x01, raw.length - 20);
    await writeFile(path, raw);
    await expect(files.read(path)).rejects.toMatchObject({ kind: 'internal', message: expect.stringContaining('does not open') });

    const other = createSealedFiles({ root, key: async () => randomBytes(32) });
    await other.write(join(root, 'other.json'), secret);
    await expect(files.read(join(root, 'other.json'))).rejects.toMatchObject({ kind: 'internal' });
    await expect(files.read(join(root, 'none.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a sealed file swapped to another path, and a plain file', async () => {
    await files.write(join(root, 'swap', 'student-a.pdf'), 'A');
    await files.write(join(root, 'swap', 'student-b.pdf'), 'B');
    await rename(join(root, 'swap', 'student-a.pdf'), join(root, 'swap', 'student-b.pdf'));
    await expect(files.read(join(root, 'swap', 'student-b.pdf'))).rejects.toMatchObject({ kind: 'internal', message: expect.stringContaining('moved') });

    await writeFile(join(root, 'plain.json'), '{"uploads":[]}');
    await expect(files.read(join(root, 'plain.json'))).rejects.toMatchObject({ kind: 'internal', message: expect.stringContaining('not a sealed file') });
  });

  it('writes exclusively when asked, and only inside the data folder', async () => {
    const path = join(root, 'once.pdf');
    await files.write(path, 'first', { exclusive: true });
    await expect(files.write(path, 'second', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect((await files.read(path)).toString()).toBe('first');
    expect(await readdir(root)).not.toContainEqual(expect.stringMatching(/\.tmp$/));
    await expect(files.write(join(root, '..', 'outside.json'), secret)).rejects.toMatchObject({ kind: 'internal' });
  });

  it('seals the plain files an older version left, once, leaves sealed ones as they are and removes leftover temp files', async () => {
    const legacy = join(root, 'legacy');
    await mkdir(join(legacy, 'files'), { recursive: true });
    await writeFile(join(legacy, 'files', 'x.pdf'), `%PDF-1.7 ${secret}`);
    await writeFile(join(legacy, 'outbox.json'), secret);
    await files.write(join(legacy, 'sealed.json'), 'already');
    await writeFile(join(legacy, 'outbox.json.4242.0123456789ab.tmp'), secret);
    const before = await readFile(join(legacy, 'sealed.json'));

    expect(await sealPlainFiles(files, [legacy, join(root, 'missing')])).toBe(2);
    expect((await files.read(join(legacy, 'files', 'x.pdf'))).toString()).toBe(`%PDF-1.7 ${secret}`);
    expect((await files.read(join(legacy, 'outbox.json'))).toString()).toBe(secret);
    expect(await readFile(join(legacy, 'sealed.json'))).toEqual(before);
    expect(await sealPlainFiles(files, [legacy])).toBe(0);
    expect((await readdir(legacy)).sort()).toEqual(['files', 'outbox.json', 'sealed.json']);
  });
});
