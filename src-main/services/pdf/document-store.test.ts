import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plainFiles } from '../fs/file-access';
import { createSealedFiles } from '../fs/sealed-file';
import { createDocumentStore, type DocumentStore } from './document-store';

const key = randomBytes(32);

const signed = Buffer.from('%PDF-1.7\n…the signed revision…\n%%EOF\n');

describe.each(['plain', 'sealed'])('the document store (%s files)', (kind) => {
  let dir: string;
  let store: DocumentStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'saksflyt-store-'));
    store = createDocumentStore(join(dir, 'documents'), kind === 'plain' ? plainFiles : createSealedFiles({ root: dir, key: async () => key }));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('issues a document once: the same bytes again are accepted, other bytes are a conflict', async () => {
    await store.put('doc-1', signed);
    await store.put('doc-1', signed);
    await expect(store.put('doc-1', Buffer.from('%PDF-1.7 other'))).rejects.toMatchObject({ kind: 'conflict' });
    expect((await store.get('doc-1')).equals(signed)).toBe(true);
    await expect(store.get('doc-2')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps an incremental revision of a kept document (its bytes first, a final end-of-line aside)', async () => {
    await store.put('doc-1', signed);
    const revision = Buffer.concat([signed.subarray(0, signed.length - 1), Buffer.from('\n…the countersignature…\n%%EOF\n')]);
    await store.append('doc-1', revision);
    expect((await store.get('doc-1')).equals(revision)).toBe(true);
  });

  it('refuses a revision that changes, drops or only repeats the kept bytes, and one of a document it does not keep', async () => {
    await store.put('doc-1', signed);
    const changed = Buffer.from(signed);
    changed[2] = 0x41;
    for (const pdf of [Buffer.concat([changed, Buffer.from('more')]), signed.subarray(0, 10), signed]) {
      await expect(store.append('doc-1', pdf)).rejects.toMatchObject({ kind: 'conflict' });
    }
    expect((await store.get('doc-1')).equals(signed)).toBe(true);
    await expect(store.append('doc-2', signed)).rejects.toMatchObject({ kind: 'not-found' });
  });
});
