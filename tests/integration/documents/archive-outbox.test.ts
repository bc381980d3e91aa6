import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import type { ArchiveAdapter } from '../../../src-main/services/archive/archive-adapter';
import { openArchiveOutbox, type OutboxEntry } from '../../../src-main/services/archive/archive-outbox';
import { createFolderArchiveAdapter, FOLDER_MANIFEST } from '../../../src-main/services/archive/adapters/folder.adapter';
import { createNoark5ExportAdapter, NOARK5_DOCUMENTS_DIR } from '../../../src-main/services/archive/adapters/noark5-export.adapter';
import { createP360SifAdapter } from '../../../src-main/services/archive/adapters/p360-sif.adapter';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { AppError } from '../../../src-shared/kernel/app-error';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { resourcesDir, withTempDir } from './tools';

const AUTH_KEY = 'outbox-test-key';
const demo = demoFollowUpCase();
const record = demoArchiveRecord(demo, 'decision', ['Høgskolen for helse og omsorg']);
const backoff = { baseMs: 1_000, maxMs: 60_000, maxAttempts: 5 };
let pdf: Buffer;
let p360: P360SifStandIn;
let clock: number;
const now = () => new Date(clock);
const advance = (ms: number) => {
  clock += ms;
};

beforeAll(async () => {
  pdf = await createPdfRenderer({ resourcesDir }).decision(demo.decision);
});
beforeEach(async () => {
  clock = Date.UTC(2026, 11, 1, 12, 0, 0);
  p360 = await startP360SifStandIn({ authKey: AUTH_KEY });
});
afterEach(() => p360.close());

const p360Adapter = (url: string) =>
  createP360SifAdapter({ config: { baseUrl: url, ...P360_REQUIRED_SETTINGS }, authKey: async () => AUTH_KEY, timeoutMs: 5_000 });

/** An adapter whose answers the test decides, one per call. */
function scriptedAdapter(answers: Array<'ok' | 'external' | 'validation' | 'hang'>): ArchiveAdapter & { calls: number } {
  const adapter = {
    name: 'scripted',
    calls: 0,
    async archive() {
      const answer = answers[adapter.calls++] ?? 'ok';
      if (answer === 'hang') return new Promise<never>(() => undefined);
      if (answer === 'external') throw new AppError('external', 'archive is down');
      if (answer === 'validation') throw new AppError('validation', 'the archive refuses this document');
      return { reference: `ref-${adapter.calls}`, details: {} };
    },
  };
  return adapter;
}

describe('archive outbox', () => {
  it('retries with exponential backoff until P360 takes the document, reporting each status change', async () => {
    await withTempDir(async (dir) => {
      const outbox = await openArchiveOutbox({ dir, adapters: [p360Adapter(p360.url)], backoff, now, random: () => 1 });
      const seen: string[] = [];
      outbox.subscribe((entry) => seen.push(entry.status));
      p360.failNext('DocumentService/CreateDocument', 'http-500', 2);

      const entry = await outbox.enqueue({ target: 'p360', record, pdf });
      expect(await outbox.processDue()).toBe(1);
      let [current] = await outbox.list();
      expect(current).toMatchObject({ id: entry.id, status: 'queued', attempts: 1, nextAttemptAt: new Date(clock + 1_000).toISOString() });
      expect(current?.lastError).toContain('HTTP 500');

      expect(await outbox.processDue()).toBe(0); // not due yet
      advance(1_000);
      await outbox.processDue();
      [current] = await outbox.list();
      expect(current).toMatchObject({ status: 'queued', attempts: 2, nextAttemptAt: new Date(clock + 2_000).toISOString() });

      advance(2_000);
      await outbox.processDue();
      [current] = await outbox.list();
      expect(current).toMatchObject({ status: 'archived', attempts: 3, receipt: { reference: '26/00001-1' } });
      expect(current?.lastError).toBeUndefined();
      expect(seen).toEqual(['queued', 'sending', 'queued', 'sending', 'queued', 'sending', 'archived']);
      expect(p360.documents[0]?.files[0]?.bytes.equals(pdf)).toBe(true);
    });
  });

  it('survives a restart: what was queued while P360 was down is delivered by the next instance', async () => {
    await withTempDir(async (dir) => {
      const deadUrl = p360.url;
      await p360.close();
      const first = await openArchiveOutbox({ dir, adapters: [p360Adapter(deadUrl)], backoff, now, random: () => 1 });
      const entry = await first.enqueue({ target: 'p360', record, pdf });
      await first.processDue();
      expect((await first.list())[0]).toMatchObject({ status: 'queued', attempts: 1 });
      expect((await first.list())[0]?.lastError).toContain('no answer');
      await first.stop();

      p360 = await startP360SifStandIn({ authKey: AUTH_KEY });
      const second = await openArchiveOutbox({ dir, adapters: [p360Adapter(p360.url)], backoff, now, random: () => 1 });
      expect(await second.list()).toEqual([expect.objectContaining({ id: entry.id, status: 'queued', attempts: 1, record })]);
      advance(1_000);
      await second.processDue();
      expect((await second.list())[0]).toMatchObject({ status: 'archived', receipt: { reference: '26/00001-1' } });
      expect(p360.documents[0]?.files[0]?.bytes.equals(pdf)).toBe(true);
    });
  });

  it('sends again what was being sent when the app stopped', async () => {
    await withTempDir(async (dir) => {
      const hanging = scriptedAdapter(['hang']);
      const first = await openArchiveOutbox({ dir, adapters: [hanging], backoff, now });
      const sending = new Promise<void>((resolve) => first.subscribe((entry) => entry.status === 'sending' && resolve()));
      await first.enqueue({ target: 'scripted', record, pdf });
      void first.processDue(); // never settles: the "app" is killed while the archive call is open
      await sending;

      const second = await openArchiveOutbox({ dir, adapters: [scriptedAdapter(['ok'])], backoff, now });
      expect((await second.list())[0]).toMatchObject({ status: 'queued', attempts: 1 });
      await second.processDue();
      expect((await second.list())[0]).toMatchObject({ status: 'archived', attempts: 2, receipt: { reference: 'ref-1' } });
    });
  });

  it('gives up at once on a validation error, after maxAttempts otherwise, and retries a failed entry on request', async () => {
    await withTempDir(async (dir) => {
      const refusing = await openArchiveOutbox({ dir: join(dir, 'a'), adapters: [scriptedAdapter(['validation'])], backoff, now });
      await refusing.enqueue({ target: 'scripted', record, pdf });
      await refusing.processDue();
      expect((await refusing.list())[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'validation: the archive refuses this document' });

      const flaky = scriptedAdapter(['external', 'external', 'ok']);
      const outbox = await openArchiveOutbox({ dir: join(dir, 'b'), adapters: [flaky], backoff: { ...backoff, maxAttempts: 2 }, now, random: () => 1 });
      const entry = await outbox.enqueue({ target: 'scripted', record, pdf });
      await outbox.processDue();
      advance(1_000);
      await outbox.processDue();
      expect((await outbox.list())[0]).toMatchObject({ status: 'failed', attempts: 2 });
      advance(3_600_000);
      expect(await outbox.processDue()).toBe(0); // failed entries wait for a person

      await outbox.retry(entry.id);
      await outbox.processDue();
      expect((await outbox.list())[0]).toMatchObject({ status: 'archived', attempts: 1 });
      await expect(outbox.retry(entry.id)).rejects.toMatchObject({ kind: 'conflict' });
    });
  });

  it('delivers in the background once started, waking when the next entry falls due', async () => {
    await withTempDir(async (dir) => {
      const flaky = scriptedAdapter(['external', 'ok']);
      const outbox = await openArchiveOutbox({ dir, adapters: [flaky], backoff: { baseMs: 20, maxMs: 100, maxAttempts: 5 } });
      const archived = new Promise<OutboxEntry>((resolve) => outbox.subscribe((entry) => entry.status === 'archived' && resolve(entry)));
      outbox.start();
      await outbox.enqueue({ target: 'scripted', record, pdf });
      expect(await archived).toMatchObject({ attempts: 2 });
      await outbox.stop();
    });
  });

  it('rejects unknown targets and invalid records, and never overwrites a corrupt state file', async () => {
    await withTempDir(async (dir) => {
      const outbox = await openArchiveOutbox({ dir, adapters: [scriptedAdapter([])], now });
      await expect(outbox.enqueue({ target: 'nowhere', record, pdf })).rejects.toMatchObject({ kind: 'validation' });
      await expect(outbox.enqueue({ target: 'scripted', record: { ...record, student: { ...record.student, nationalId: '123' } }, pdf })).rejects.toThrow(
        /nationalId/,
      );
      await writeFile(join(dir, 'outbox.json'), '{"version":1,"entries":[{"id":');
      await expect(openArchiveOutbox({ dir, adapters: [], now })).rejects.toMatchObject({ kind: 'internal' });
      expect(await readFile(join(dir, 'outbox.json'), 'utf8')).toBe('{"version":1,"entries":[{"id":');
    });
  });

  it('files into a folder with a JSON manifest through the same outbox', async () => {
    await withTempDir(async (dir) => {
      const folder = join(dir, 'arkivmappe');
      const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [createFolderArchiveAdapter({ dir: folder, now })], now });
      await outbox.enqueue({ target: 'folder', record, pdf });
      await outbox.processDue();
      expect((await outbox.list())[0]).toMatchObject({
        status: 'archived',
        receipt: { reference: '2026-00042/vedtak-2026-00042-demo-case-0042-decision.pdf' },
      });
      expect((await readFile(join(folder, '2026-00042', 'vedtak-2026-00042-demo-case-0042-decision.pdf'))).equals(pdf)).toBe(true);
      const manifest = JSON.parse(await readFile(join(folder, FOLDER_MANIFEST), 'utf8')) as { documents: { file: string; record: unknown }[] };
      expect(manifest.documents).toEqual([expect.objectContaining({ file: '2026-00042/vedtak-2026-00042-demo-case-0042-decision.pdf', record })]);
    });
  });

  it('archives two decisions in one case everywhere (each file carries its document id), and closes the case folder where there is one', async () => {
    await withTempDir(async (dir) => {
      const adapters = [
        createFolderArchiveAdapter({ dir: join(dir, 'arkivmappe'), now }),
        createNoark5ExportAdapter({
          dir: join(dir, 'noark5'),
          stagingDir: join(dir, 'noark5-staging'),
          info: { archiveTitle: 'Saksflyt', creatorId: '987654321', creatorName: 'HHO' },
          now,
        }),
        p360Adapter(p360.url),
      ];
      const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters, now });
      const second = { ...record, documentId: 'demo-case-0042-decision-2', title: 'Nytt vedtak – tap av studierett' };
      for (const decision of [record, second]) {
        for (const target of ['folder', 'noark5', 'p360']) await outbox.enqueue({ target, record: decision, pdf });
      }
      await outbox.processDue();
      expect((await outbox.list()).map((entry) => [entry.target, entry.record?.documentId, entry.status])).toEqual(
        [record, second].flatMap((decision) => ['folder', 'noark5', 'p360'].map((target) => [target, decision.documentId, 'archived'])),
      );
      const files = ['vedtak-2026-00042-demo-case-0042-decision.pdf', 'vedtak-2026-00042-demo-case-0042-decision-2.pdf'].sort();
      expect((await readdir(join(dir, 'arkivmappe', '2026-00042'))).sort()).toEqual(files);
      // The case is open: the Noark 5 package holds it only once it has closed.
      expect((await readdir(join(dir, 'noark5-staging', NOARK5_DOCUMENTS_DIR))).sort()).toEqual(files);
      const closing = await outbox.enqueueClosure({
        caseId: record.case.id,
        caseNumber: record.case.caseNumber,
        closedAt: now().toISOString(),
        closedBy: 'Per Hansen',
      });
      // Only the package keeps a folder per case; P360 and the folder archive file into the student's folder.
      expect(closing.map((entry) => entry.target)).toEqual(['noark5']);
      await outbox.processDue();
      expect((await outbox.list()).filter((entry) => entry.closure).map((entry) => entry.status)).toEqual(['archived']);
      expect((await readdir(join(dir, 'noark5', NOARK5_DOCUMENTS_DIR))).sort()).toEqual(files);
      expect(p360.documents.map((document) => [document.CaseNumber, document.parameter.Title])).toEqual([
        ['26/00001', record.title],
        ['26/00001', second.title],
      ]);
    });
  });
});
