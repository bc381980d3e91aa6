import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealedFiles } from '../../services/fs/sealed-file';
import { openCertificateJournal } from './certificate-journal';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'saksflyt-journal-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the certificate batch journal in the data folder', () => {
  it('is kept sealed and resumes with what was done', async () => {
    const key = randomBytes(32);
    const files = createSealedFiles({ root, key: async () => key });
    const dir = join(root, 'documents');
    const open = () =>
      openCertificateJournal({ dir, courseId: 'course-anatomi', textSha256: 'a'.repeat(64), now: () => new Date('2026-12-01T10:00:00.000Z'), files });
    const entry = { documentId: 'certificate-participant-ola', sha256: 'b'.repeat(64), emailId: randomUUID(), doneAt: '2026-12-01T10:00:00.000Z' };
    await (await open()).markDone('participant-ola', entry);

    expect((await open()).entryOf('participant-ola')).toEqual(entry);
    const [file] = await readdir(dir);
    const raw = await readFile(join(dir, file!));
    expect(raw.includes('participant-ola')).toBe(false);
    expect(raw.includes('course-anatomi')).toBe(false);
  });
});
