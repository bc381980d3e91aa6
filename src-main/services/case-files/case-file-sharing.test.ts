import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-shared/kernel/app-error';
import { createDocumentStore, type DocumentStore } from '../pdf/document-store';
import { createCaseFileSharing } from './case-file-sharing';
import type { CaseFilesClient } from './case-files.client';
import { openPendingUploads, type PendingUploads } from './pending-uploads';

const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
let dir: string;
let store: DocumentStore;
let pending: PendingUploads;
let warnings: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'case-file-sharing-'));
  store = createDocumentStore(join(dir, 'documents'));
  pending = openPendingUploads(join(dir, 'pending.json'));
  warnings = [];
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const sharing = (client: Partial<CaseFilesClient>) =>
  createCaseFileSharing({
    store,
    pending,
    client: { put: async () => {}, get: async () => undefined, ...client },
    warn: (message) => warnings.push(message),
  });

describe('case file sharing', () => {
  it('keeps an upload for later while the case has not reached the server, and drops one the server refuses for good', async () => {
    await store.put('d-1', pdf);
    await store.put('d-2', pdf);
    await sharing({ put: async () => Promise.reject(new AppError('conflict', 'not synced', { code: 'parent-missing' })) }).share('c-1', 'd-1');
    await sharing({ put: async () => Promise.reject(new AppError('conflict', 'other bytes', { code: 'conflict' })) }).share('c-1', 'd-2');
    expect(await pending.list()).toEqual([{ caseId: 'c-1', documentId: 'd-1' }]);
    expect(warnings).toEqual(['The central server refused a kept file']);

    const uploaded: string[] = [];
    await sharing({ put: async (_caseId, documentId) => void uploaded.push(documentId) }).share('c-1', 'd-2');
    // A successful upload takes the pending ones along.
    expect(uploaded).toEqual(['d-2', 'd-1']);
    expect(await pending.list()).toEqual([]);
  });

  it('fetches a document this laptop lacks once, and answers not-found as before when nobody is signed in', async () => {
    let fetched = 0;
    const online = sharing({ get: async () => (fetched++, pdf) });
    await online.ensureLocal('c-1', 'd-3');
    await online.ensureLocal('c-1', 'd-3');
    expect(fetched).toBe(1);
    expect(await store.get('d-3')).toEqual(pdf);

    const signedOut = sharing({ get: async () => Promise.reject(new AppError('precondition', 'Nobody is signed in')) });
    await expect(signedOut.ensureLocal('c-1', 'd-4')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(sharing({}).ensureLocal('c-1', 'd-4')).rejects.toMatchObject({ kind: 'not-found' });
  });
});
