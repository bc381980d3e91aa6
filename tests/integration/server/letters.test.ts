import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import type { Session } from '../../../src-server/auth/sessions';
import { openDatabase, type Database } from '../../../src-server/db/database';
import type { SmtpOptions } from '../../../src-server/notifications/letters';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { LETTERS_PATH, letterReceiptSchema, type LetterKind, type LetterRequest } from '../../../src-shared/notifications/letter.schema';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { pdfAttachment, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { followUpCase, scope } from '../sync/support/fixtures';
import { TcpProxy } from '../sync/support/tcp-proxy';
import { dropTestSchema, startTestServer, testDatabaseOptions, type TestServer } from '../sync/support/test-server';

/**
 * `POST /letters` on a real server (PGlite, or PostgreSQL with DATABASE_URL) over HTTP, with a
 * real SMTP server on loopback: what the laptop hands over arrives as e-mail, PDF attached.
 */
const demo = demoFollowUpCase();
const MAIL_DOMAIN = 'hvl.example.no';
const mailOptions = (url: string): SmtpOptions => ({
  url,
  from: `Saksflyt <saksflyt@${MAIL_DOMAIN}>`,
  pollMs: 50,
  backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 },
});

const pdfOf = (label: string) => Buffer.from(`%PDF-1.7\n% ${label}\n%%EOF\n`);

/** A letter as the laptop sends it: the demo case's archive record, pointed at a case on this server. */
function letter(kind: LetterKind, caseId: string, change: (record: LetterRequest['record']) => LetterRequest['record'] = (record) => record): LetterRequest {
  const record = demoArchiveRecord(demo, kind, []);
  const id = randomUUID();
  return {
    id,
    record: change({ ...record, kind, documentId: `doc-${id}`, case: { ...record.case, id: caseId } }),
    pdfBase64: pdfOf(`${kind} ${id}`).toString('base64'),
  };
}

/** The document record a laptop syncs for an issued letter: the case's, with the PDF's SHA-256. */
function documentRecord(body: LetterRequest, createdBy: string, pdf = Buffer.from(body.pdfBase64, 'base64')) {
  return {
    id: body.record.documentId,
    caseId: body.record.case.id,
    kind: body.record.kind,
    title: body.record.title,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    signatures: [],
    archiveState: 'not-archived',
    archiveReference: '',
    createdAt: new Date().toISOString(),
    createdBy,
  };
}

const post = (server: TestServer, path: string, body: unknown, session?: Session) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}) },
    body: JSON.stringify(body),
  });

/** Puts documents on the server the way a laptop does: a push. */
async function pushRows(server: TestServer, session: Session, collection: string, docs: object[]): Promise<void> {
  const response = await post(server, `/sync/${collection}/v0/push`, { rows: docs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })) }, session);
  expect(await response.json()).toMatchObject({ conflicts: [], rejections: [] });
}

/** A case and its student (with the demo student's address) on the server. */
async function pushCase(server: TestServer, session: Session, c: Case): Promise<void> {
  const student = { id: c.subjectPersonId, givenName: 'Åse', familyName: 'Ødegård', nationalId: demo.student.nationalId, email: demo.student.email, institution: c.institution, updatedAt: c.updatedAt };
  await pushRows(server, session, 'people', [student]);
  await pushRows(server, session, 'cases', [c]);
}

const sendLetter = async (server: TestServer, body: unknown, session?: Session) => {
  const response = await post(server, LETTERS_PATH, body, session);
  return { status: response.status, body: (await response.json()) as unknown };
};

/** Syncs the letter's document record (as the laptop that issued it does), then posts the letter. */
async function sendIssued(server: TestServer, body: LetterRequest, session: Session) {
  await pushRows(server, session, 'documents', [documentRecord(body, session.user.userId)]);
  return sendLetter(server, body, session);
}

const mailsFor = (smtp: SmtpStandIn, id: string) => smtp.received.filter((mail) => mail.raw.includes(`Message-ID: <${id}@${MAIL_DOMAIN}>`));
const waitForMail = (smtp: SmtpStandIn, id: string) =>
  vi.waitFor(
    () => {
      const [mail] = mailsFor(smtp, id);
      if (!mail) throw new Error(`no e-mail ${id} yet`);
      return mail;
    },
    { timeout: 15_000, interval: 25 },
  );

const outboxRow = async (db: Database, id: string) =>
  (await db.query<{ status: string; attempts: number; last_error: string | null }>(`SELECT status, attempts, last_error FROM email_outbox WHERE id = $1`, [id]))[0];

describe('POST /letters', () => {
  let smtp: SmtpStandIn;
  let server: TestServer;
  let kari: Session;
  let outsider: Session;
  let caseDoc: Case;

  beforeAll(async () => {
    smtp = await startSmtpStandIn();
    server = await startTestServer({ smtp: mailOptions(smtp.url) });
    const { userId } = await server.addUser({ username: 'kari', name: 'Kari Nordmann', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    await server.addUser({ username: 'olav', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['ver-2025'] }) });
    [kari, outsider] = [await server.login('kari'), await server.login('olav')];
    caseDoc = followUpCase(userId, { caseNumber: demo.caseNumber });
    await pushCase(server, kari, caseDoc);
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('e-mails the summons to the student with the PDF attached, and audits it', async () => {
    const summons = letter('summons', caseDoc.id);
    const answer = await sendIssued(server, summons, kari);
    expect(answer.status).toBe(200);
    expect(letterReceiptSchema.parse(answer.body)).toMatchObject({ emailId: summons.id });

    const mail = await waitForMail(smtp, summons.id);
    expect(mail.from).toBe(`saksflyt@${MAIL_DOMAIN}`);
    expect(mail.to).toEqual([demo.student.email]);
    expect(mail.raw).toMatch(new RegExp(`^To: ${demo.student.email}\\r?$`, 'm'));
    expect(mail.raw).not.toMatch(/^Cc:/m);
    expect(pdfAttachment(mail.raw).equals(Buffer.from(summons.pdfBase64, 'base64'))).toBe(true);
    expect(mail.raw).toContain(summons.record.fileName);
    expect(mail.raw).toContain(summons.record.createdBy); // the signature: who issued it, and the unit
    expect(mail.raw).toContain(summons.record.case.department);

    await vi.waitFor(async () => expect(await outboxRow(server.db, summons.id)).toMatchObject({ status: 'sent', attempts: 1 }));
    const [audit] = await server.db.query<{ actor_id: string; outcome: string; document_id: string; detail: string }>(
      `SELECT actor_id, outcome, document_id, detail FROM audit_log WHERE action = 'letter' AND document_id = $1`,
      [summons.record.documentId],
    );
    expect(audit).toMatchObject({ actor_id: kari.user.userId, outcome: 'accepted' });
    expect(JSON.parse(audit!.detail)).toMatchObject({ emailId: summons.id, kind: 'summons', to: [demo.student.email], cc: [] });
  });

  it('e-mails the protocol to the head of department with a copy to the student', async () => {
    const protocol = letter('protocol', caseDoc.id);
    expect((await sendIssued(server, protocol, kari)).status).toBe(200);
    const mail = await waitForMail(smtp, protocol.id);
    expect(mail.to).toEqual([demo.departmentHead.email, demo.student.email]);
    expect(mail.raw).toMatch(new RegExp(`^To: ${demo.departmentHead.email}\\r?$`, 'm'));
    expect(mail.raw).toMatch(new RegExp(`^Cc: ${demo.student.email}\\r?$`, 'm'));
    expect(pdfAttachment(mail.raw).equals(Buffer.from(protocol.pdfBase64, 'base64'))).toBe(true);
  });

  it('e-mails the decision to the student with a copy to the rector', async () => {
    const decision = letter('decision', caseDoc.id);
    expect((await sendIssued(server, decision, kari)).status).toBe(200);
    const mail = await waitForMail(smtp, decision.id);
    expect(mail.to).toEqual([demo.student.email, demo.rector.email]);
    expect(mail.raw).toMatch(new RegExp(`^To: ${demo.student.email}\\r?$`, 'm'));
    expect(mail.raw).toMatch(new RegExp(`^Cc: ${demo.rector.email}\\r?$`, 'm'));
    expect(pdfAttachment(mail.raw).equals(Buffer.from(decision.pdfBase64, 'base64'))).toBe(true);
  });

  it('sends a letter posted twice (at once, and again later) once', async () => {
    const summons = letter('summons', caseDoc.id);
    await pushRows(server, kari, 'documents', [documentRecord(summons, kari.user.userId)]);
    const answers = await Promise.all([sendLetter(server, summons, kari), sendLetter(server, summons, kari)]);
    expect(answers.map((answer) => [answer.status, letterReceiptSchema.parse(answer.body).emailId])).toEqual([
      [200, summons.id],
      [200, summons.id],
    ]);
    await waitForMail(smtp, summons.id);
    await vi.waitFor(async () => expect((await outboxRow(server.db, summons.id))?.status).toBe('sent'));
    const again = await sendLetter(server, summons, kari);
    expect(again).toEqual({ status: 200, body: { emailId: summons.id, status: 'sent' } });

    // A later letter has gone out too, so a duplicate of the first would have been sent by now.
    const next = letter('summons', caseDoc.id);
    await sendIssued(server, next, kari);
    await waitForMail(smtp, next.id);
    expect(mailsFor(smtp, summons.id)).toHaveLength(1);
    expect(await server.db.query(`SELECT id FROM email_outbox WHERE id = $1`, [summons.id])).toHaveLength(1);
  });

  it('answers 409 parent-missing for a case the server does not have yet', async () => {
    const answer = await sendLetter(server, letter('summons', randomUUID()), kari);
    expect(answer.status).toBe(409);
    expect(syncErrorSchema.parse(answer.body)).toMatchObject({ code: 'parent-missing', message: expect.stringContaining('not on the server yet') });
  });

  it('answers 403 for a case the user may not see, and 401 without a session; nothing is queued', async () => {
    const forbidden = letter('summons', caseDoc.id);
    const answer = await sendLetter(server, forbidden, outsider);
    expect(answer.status).toBe(403);
    expect(syncErrorSchema.parse(answer.body).code).toBe('forbidden');

    const anonymous = await sendLetter(server, letter('summons', caseDoc.id));
    expect(anonymous.status).toBe(401);
    expect(syncErrorSchema.parse(anonymous.body).code).toBe('unauthenticated');
    expect(await outboxRow(server.db, forbidden.id)).toBeUndefined();
  });

  it.each([
    ['a PDF that is not base64', (body: LetterRequest) => ({ ...body, pdfBase64: 'not base64!' }), 'pdfBase64'],
    ['base64 that is not a PDF', (body: LetterRequest) => ({ ...body, pdfBase64: Buffer.from('hello, world').toString('base64') }), 'pdfBase64: must be a PDF'],
    ['a kind that is not a letter', (body: LetterRequest) => ({ ...body, record: { ...body.record, kind: 'contract' } }), 'record.kind'],
    ['no record', ({ id, pdfBase64 }: LetterRequest) => ({ id, pdfBase64 }), 'record'],
    ['an id that is not a UUID', (body: LetterRequest) => ({ ...body, id: 'letter-1' }), 'id'],
    ['a file name that is not a PDF name', (body: LetterRequest) => ({ ...body, record: { ...body.record, fileName: '../x.exe' } }), 'record.fileName'],
  ])('answers 400 naming the field for %s', async (_label, change, field) => {
    const answer = await sendLetter(server, change(letter('summons', caseDoc.id)), kari);
    expect(answer.status).toBe(400);
    const error = syncErrorSchema.parse(answer.body);
    expect(error.code).toBe('bad-request');
    expect(error.message).toMatch(/^Invalid letter: /);
    expect(error.message).toContain(field);
  });

  const recipientProblems: [string, LetterKind, (record: LetterRequest['record']) => LetterRequest['record'], RegExp][] = [
    ['a student without an e-mail address', 'summons', (r) => ({ ...r, student: { ...r.student, email: '' }, recipients: [] }), /No e-mail address for the student/],
    [
      'an invalid address',
      'protocol',
      (r) => ({ ...r, recipients: r.recipients.map((p) => (p.role === 'internalRecipient' ? { ...p, email: 'per.hansen(at)hho' } : p)) }),
      /address of the head of department .* is not valid/,
    ],
    ['a decision without the rector', 'decision', (r) => ({ ...r, recipients: r.recipients.filter((p) => p.role !== 'copy') }), /needs the rector/],
  ];
  it.each(recipientProblems)('answers 422 invalid-recipient for %s', async (_label, kind, change, message) => {
    const answer = await sendLetter(server, letter(kind, caseDoc.id, change), kari);
    expect(answer.status).toBe(422);
    expect(syncErrorSchema.parse(answer.body)).toMatchObject({ code: 'invalid-recipient', message: expect.stringMatching(message) });
  });

  it('answers 409 while the document record has not synced, and 422 for other bytes or another student address', async () => {
    const early = letter('summons', caseDoc.id);
    expect(await sendLetter(server, early, kari)).toMatchObject({ status: 409, body: { code: 'parent-missing', message: expect.stringContaining('document') } });

    const forged = letter('summons', caseDoc.id);
    await pushRows(server, kari, 'documents', [documentRecord(forged, kari.user.userId, pdfOf('what was really issued'))]);
    expect(await sendLetter(server, forged, kari)).toMatchObject({ status: 422, body: { code: 'document-mismatch' } });

    const redirected = letter('summons', caseDoc.id, (r) => ({ ...r, student: { ...r.student, email: 'someone.else@example.org' } }));
    expect(await sendIssued(server, redirected, kari)).toMatchObject({ status: 422, body: { code: 'invalid-recipient', message: expect.stringContaining('register') } });
    const viaRecipients = letter('summons', caseDoc.id, (r) => ({
      ...r,
      recipients: [{ role: 'recipient', party: 'student', name: 'Åse Ødegård', email: 'someone.else@example.org' }],
    }));
    expect(await sendIssued(server, viaRecipients, kari)).toMatchObject({ status: 422, body: { code: 'invalid-recipient' } });
    for (const refused of [early, forged, redirected, viaRecipients]) expect(await outboxRow(server.db, refused.id)).toBeUndefined();
  });

  it('answers 403 to a student who sees the case: only staff send letters', async () => {
    const student = await server.addUser({ username: 'aase', roles: ['student'], scope: scope({}) });
    const own = followUpCase(kari.user.userId, { subjectPersonId: student.userId, status: 'summoned' });
    const summons = letter('summons', own.id);
    const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;
    await importDocuments(server.db, collection('cases'), [own], { actorId: null, action: 'test' });
    await importDocuments(server.db, collection('documents'), [documentRecord(summons, kari.user.userId)], { actorId: null, action: 'test' });
    const session = await server.login('aase');
    const pulled = (await (await fetch(`${server.url}/sync/cases/v0/pull?batchSize=100`, { headers: { authorization: `Bearer ${session.accessToken}` } })).json()) as {
      documents: { id: string }[];
    };
    expect(pulled.documents.map((doc) => doc.id)).toContain(own.id);
    expect(await sendLetter(server, summons, session)).toMatchObject({ status: 403, body: { code: 'forbidden', message: expect.stringContaining('staff') } });
  });

  it('is documented in OpenAPI', async () => {
    const spec = (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    expect(spec.paths[LETTERS_PATH]?.post).toMatchObject({ tags: ['notifications'], summary: expect.any(String) });
  });
});

describe('letters while there is no mail server', () => {
  const dbOptions = testDatabaseOptions();
  let db: Database;
  let smtp: SmtpStandIn;
  let proxy: TcpProxy;
  let server: TestServer | undefined;

  beforeAll(async () => {
    db = await openDatabase(dbOptions);
    smtp = await startSmtpStandIn();
    proxy = new TcpProxy(smtp.port);
  });
  afterAll(async () => {
    await server?.close();
    await proxy?.close();
    await smtp?.close();
    await db?.close();
    await dropTestSchema(dbOptions);
  });

  it('keeps letters queued without SMTP, and sends them after a restart with SMTP once the mail server is up', async () => {
    // No SMTP configured: the letter is accepted and kept.
    server = await startTestServer({ db });
    const { userId } = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    const kari = await server.login('kari');
    const caseDoc = followUpCase(userId);
    await pushCase(server, kari, caseDoc);
    const summons = letter('summons', caseDoc.id);
    expect(await sendIssued(server, summons, kari)).toEqual({ status: 200, body: { emailId: summons.id, status: 'queued' } });
    await server.close();
    expect(await outboxRow(db, summons.id)).toMatchObject({ status: 'queued', attempts: 0 });

    // Restarted with SMTP while the mail server is down: it keeps trying.
    proxy.hooks = { onConnect: () => false };
    const smtpUrl = `smtp://127.0.0.1:${new URL(await proxy.listen()).port}`;
    server = await startTestServer({ db, smtp: mailOptions(smtpUrl) });
    await vi.waitFor(
      async () => expect(await outboxRow(db, summons.id)).toMatchObject({ status: 'queued', attempts: expect.toSatisfy((n: number) => n >= 2), last_error: expect.any(String) }),
      { timeout: 15_000, interval: 25 },
    );
    expect(smtp.received).toHaveLength(0);

    // The mail server is back: the letter goes, once.
    proxy.hooks = {};
    const mail = await waitForMail(smtp, summons.id);
    expect(mail.to).toEqual([demo.student.email]);
    await vi.waitFor(async () => expect((await outboxRow(db, summons.id))?.status).toBe('sent'));
    expect(mailsFor(smtp, summons.id)).toHaveLength(1);
  });
});
