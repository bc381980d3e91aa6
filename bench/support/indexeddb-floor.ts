import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openChromiumProfile } from './chromium-profile';

/**
 * What IndexedDB itself costs in Debian's Chromium (on disk, as the app's replica), without RxDB, Dexie or encryption: seconds to
 * put `records` case-sized records (about 700 bytes, two indexes, like the replica's) in
 * transactions of `batch`, as a first sync or a demo fill must at least do once per document
 * (making the records is not timed).
 * The floor under `sync.first-sync-*` and `ui.demo-fill-*`.
 */
export async function indexedDbPutSeconds(records: number, batch = 2000): Promise<number> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>idb</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = await mkdtemp(join(tmpdir(), 'saksflyt-bench-idb-'));
  const browser = await openChromiumProfile(dir);
  try {
    const { page } = browser;
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return (await page.evaluate(`(${putRecords})(${records}, ${batch})`)) as number;
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs in the page (a string: the bundler's helpers do not exist there). */
const putRecords = `async (records, batch) => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('floor-' + Date.now(), 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('docs', { keyPath: 'id' });
      store.createIndex('lwt', ['_meta.lwt', 'id']);
      store.createIndex('status', ['status', 'nextDeadline', 'id']);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const sealed = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(150))));
  const record = (i) => ({
    id: crypto.randomUUID(), type: 'followUp', caseNumber: '2026/' + i, title: sealed(), status: 'open',
    institution: 'hvl', department: 'helse', cohort: 'spl-2025', subjectPersonId: crypto.randomUUID(),
    assignees: ['coordinator-1'], deadlines: [{ kind: 'triage', due: '2026-09-05', label: 'Vurdere' }],
    nextDeadline: '2026-09-05', details: sealed() + sealed(), createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z', _deleted: '0', _rev: '1-abc', _meta: { lwt: Date.now() + i }, _attachments: {},
  });
  let spent = 0;
  for (let from = 0; from < records; from += batch) {
    const rows = Array.from({ length: Math.min(batch, records - from) }, (_, k) => record(from + k));
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const transaction = db.transaction('docs', 'readwrite');
      const store = transaction.objectStore('docs');
      for (const row of rows) store.put(row);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    spent += performance.now() - started;
  }
  return spent / 1000;
}`;
