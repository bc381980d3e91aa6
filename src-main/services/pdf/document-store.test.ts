import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentStore, type DocumentStore } from './document-store';

let dir: string;
let store: DocumentStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'saksflyt-store-'));
  store = createDocumentStore(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const signed = Buffer.from('%PDF-1.7\n…the signed revision…\n%%EOF\n');

describe('the document store', () => {
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
