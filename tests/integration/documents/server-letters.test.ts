import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import { openArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { CASE_NOT_SYNCED_RETRY_MS, createServerLetterAdapter } from '../../../src-main/services/archive/adapters/server-letters.adapter';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import type { Session } from '../../../src-server/auth/sessions';
import { schemaVersionOf, type CollectionName } from '../../../src-shared/db/collections';
import { followUpWorkflow, type FollowUpCase } from '../../../src-shared/domain/follow-up';
import { AppError } from '../../../src-shared/kernel/app-error';
import { pdfAttachment, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { followUpCase, scope } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import { resourcesDir, withTempDir } from './tools';

/**
 * The main process's side of letters: the outbox hands an issued summons to a real central server
 * over HTTP, which e-mails it through an SMTP server on loopback.
 */
const demo = demoFollowUpCase();
let smtp: SmtpStandIn;
let server: TestServer;
let kari: Session;
let pdf: Buffer;

/** Pushes a document as kari; `before` is the state she last pulled (for a change of a stored one). */
const push = async (collection: string, doc: object, before?: object) => {
  const response = await fetch(`${server.url}/sync/${collection}/v${schemaVersionOf(collection as CollectionName)}/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kari.accessToken}` },
    body: JSON.stringify({
      rows: [{ newDocumentState: { ...doc, _deleted: false }, ...(before ? { assumedMasterState: { ...before, _deleted: false } } : {}) }],
    }),
  });
  expect(await response.json()).toMatchObject({ conflicts: [], rejections: [] });
};

beforeAll(async () => {
  pdf = await createPdfRenderer({ resourcesDir }).summons(demo.summons);
  smtp = await startSmtpStandIn();
  server = await startTestServer({ smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50 } });
  await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
  kari = await server.login('kari');
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('letters from the main process to the central server', () => {
  it('waits while nobody is signed in or the case has not synced, then delivers once the case is there', async () => {
    await withTempDir(async (dir) => {
      let signedIn = false;
      const adapter = createServerLetterAdapter({
        connection: async () => {
          if (!signedIn) throw new AppError('precondition', 'Nobody is signed in');
          return { serverUrl: server.url, accessToken: kari.accessToken };
        },
      });
      let clock = Date.now();
      const outbox = await openArchiveOutbox({ dir, adapters: [adapter], now: () => new Date(clock), random: () => 1 });
      const caseDoc = followUpCase(kari.user.userId, { caseNumber: demo.caseNumber });
      const record = {
        ...demoArchiveRecord(demo, 'summons', []),
        documentId: `${caseDoc.id.slice(0, 30)}-summons`,
        case: { ...demoArchiveRecord(demo, 'summons', []).case, id: caseDoc.id },
      };
      const entry = await outbox.enqueue({ target: 'email', record, pdf });

      await outbox.processDue();
      const [waiting] = await outbox.list();
      expect(waiting).toMatchObject({ status: 'queued', lastError: expect.stringContaining('Not connected to the central server') });

      // Signed in, but the case is still on its way: tried again soon, not after the long backoff.
      signedIn = true;
      clock = new Date(waiting!.nextAttemptAt).getTime();
      await outbox.processDue();
      const [early] = await outbox.list();
      expect(early).toMatchObject({ status: 'queued', lastError: expect.stringContaining('does not have the case yet') });
      expect(new Date(early!.nextAttemptAt).getTime() - clock).toBe(CASE_NOT_SYNCED_RETRY_MS);

      await push('people', {
        id: caseDoc.subjectPersonId,
        givenName: 'Åse',
        familyName: 'Ødegård',
        nationalId: demo.student.nationalId,
        email: demo.student.email,
        institution: caseDoc.institution,
        cohorts: [],
        updatedAt: caseDoc.updatedAt,
      });
      await push('cases', caseDoc);
      // The server sends a summons only for a case that has summoned its student.
      const summoned = followUpWorkflow.transition(
        caseDoc as FollowUpCase,
        { type: 'summon', at: new Date().toISOString(), meetingAt: '2099-01-05T10:00:00.000Z', mode: 'inPerson', location: 'Rom 101', reason: 'Fravær' },
        kari.user,
      );
      if (!summoned.ok) throw new Error(summoned.message);
      await push('cases', summoned.state, caseDoc);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await push('documents', {
        id: record.documentId,
        caseId: caseDoc.id,
        kind: 'summons',
        title: record.title,
        sha256,
        signatures: [],
        archiveState: 'not-archived',
        archiveReference: '',
        createdAt: caseDoc.createdAt,
        createdBy: kari.user.userId,
      });
      clock += CASE_NOT_SYNCED_RETRY_MS;
      await outbox.processDue();
      expect((await outbox.list())[0]).toMatchObject({ status: 'archived', receipt: { reference: entry.id } });
      const mail = await vi.waitFor(() => smtp.received.find((candidate) => candidate.raw.includes(entry.id)) ?? Promise.reject(new Error('no mail yet')), {
        timeout: 10_000,
      });
      expect(mail.to).toEqual([demo.student.email]);
      expect(pdfAttachment(mail.raw).equals(pdf)).toBe(true);
    });
  });

  it('gives up at once on a letter the server can never take, and on a document that is no letter', async () => {
    const adapter = createServerLetterAdapter({ connection: async () => ({ serverUrl: server.url, accessToken: kari.accessToken }) });
    const record = demoArchiveRecord(demo, 'summons', []);
    await expect(adapter.archive({ id: crypto.randomUUID(), record, pdf: Buffer.from('not a PDF at all') })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('must be a PDF'),
    });
    await expect(adapter.archive({ id: crypto.randomUUID(), record: { ...record, kind: 'contract' }, pdf })).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('not sent as a letter'),
    });
  });
});
