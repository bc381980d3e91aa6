import { createHash, randomUUID } from 'node:crypto';
import { expect, vi } from 'vitest';
import { demoArchiveRecord, demoFollowUpCase } from '../../../src-main/cli/demo-case';
import type { Session } from '../../../src-server/auth/sessions';
import type { Database } from '../../../src-server/db/database';
import type { SmtpOptions } from '../../../src-server/notifications/letters';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { LETTERS_PATH, type LetterKind, type LetterRefusalReason, type LetterRequest } from '../../../src-shared/notifications/letter.schema';
import { schemaVersionOf, type CollectionName } from '../../../src-shared/db/collections';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import type { SmtpStandIn } from '../../stand-ins/smtp-server';
import type { TestServer } from '../sync/support/test-server';

/**
 * What the tests of `POST /letters` share: letters as the laptop sends them (the demo follow-up
 * case's archive record, pointed at a case on the test server), the document records it syncs,
 * and the e-mails the SMTP stand-in receives.
 */
export const demo = demoFollowUpCase();
export const MAIL_DOMAIN = 'hvl.example.no';
export const mailOptions = (url: string): SmtpOptions => ({
  url,
  from: `Saksflyt <saksflyt@${MAIL_DOMAIN}>`,
  pollMs: 50,
  backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 },
});

export const pdfOf = (label: string) => Buffer.from(`%PDF-1.7\n% ${label}\n%%EOF\n`);

/** A letter as the laptop sends it: the demo case's archive record, pointed at a case on this server. */
export function letter(
  kind: LetterKind,
  caseId: string,
  change: (record: LetterRequest['record']) => LetterRequest['record'] = (record) => record,
): LetterRequest {
  const record = demoArchiveRecord(demo, kind, []);
  const id = randomUUID();
  return {
    id,
    record: change({ ...record, kind, documentId: `doc-${id}`, case: { ...record.case, id: caseId } }),
    pdfBase64: pdfOf(`${kind} ${id}`).toString('base64'),
  };
}

/** The document record a laptop syncs for an issued letter: the case's, with the PDF's SHA-256. */
export function documentRecord(body: LetterRequest, createdBy: string, pdf = Buffer.from(body.pdfBase64, 'base64')) {
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

export const post = (server: TestServer, path: string, body: unknown, session?: Session) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(session ? { authorization: `Bearer ${session.accessToken}` } : {}) },
    body: JSON.stringify(body),
  });

/** Puts documents on the server the way a laptop does: a push. */
export async function pushRows(server: TestServer, session: Session, collection: string, docs: object[]): Promise<void> {
  const response = await post(
    server,
    `/sync/${collection}/v${schemaVersionOf(collection as CollectionName)}/push`,
    { rows: docs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })) },
    session,
  );
  expect(await response.json()).toMatchObject({ conflicts: [], rejections: [] });
}

export const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;

/** The demo student as the register has them. */
export const registered = (c: Case) => ({
  id: c.subjectPersonId,
  givenName: 'Åse',
  familyName: 'Ødegård',
  nationalId: demo.student.nationalId,
  email: demo.student.email,
  institution: c.institution,
  cohorts: [c.cohort],
  updatedAt: c.updatedAt,
});

export const sendLetter = async (server: TestServer, body: unknown, session?: Session) => {
  const response = await post(server, LETTERS_PATH, body, session);
  return { status: response.status, body: (await response.json()) as unknown };
};

/** Syncs the letter's document record (as the laptop that issued it does), then posts the letter. */
export async function sendIssued(server: TestServer, body: LetterRequest, session: Session) {
  await pushRows(server, session, 'documents', [documentRecord(body, session.user.userId)]);
  return sendLetter(server, body, session);
}

export const mailsFor = (smtp: SmtpStandIn, id: string) => smtp.received.filter((mail) => mail.raw.includes(`Message-ID: <${id}@${MAIL_DOMAIN}>`));
export const waitForMail = (smtp: SmtpStandIn, id: string) =>
  vi.waitFor(
    () => {
      const [mail] = mailsFor(smtp, id);
      if (!mail) throw new Error(`no e-mail ${id} yet`);
      return mail;
    },
    { timeout: 15_000, interval: 25 },
  );

export const outboxRow = async (db: Database, id: string) =>
  (
    await db.query<{ status: string; attempts: number; last_error: string | null }>(`SELECT status, attempts, last_error FROM email_outbox WHERE id = $1`, [id])
  )[0];

/** The letters the audit log has as denied, oldest first. */
export const deniedLetters = async (db: Database) =>
  (
    await db.query<{ actor_id: string; reason: string; detail: string }>(
      `SELECT actor_id, reason, detail FROM audit_log WHERE action = 'letter' AND outcome = 'denied' ORDER BY id`,
    )
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));

/** The answer is this refusal, nothing was queued, and the audit log has it as denied. Returns the error. */
export async function expectRefused(db: Database, answer: { status: number; body: unknown }, body: LetterRequest, status: number, reason: LetterRefusalReason) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const error = syncErrorSchema.parse(answer.body);
  expect(error.details).toEqual({ reason });
  expect(await outboxRow(db, body.id)).toBeUndefined();
  const audited = (await deniedLetters(db)).filter((entry) => entry.detail.letterId === body.id);
  expect(audited).toEqual([
    expect.objectContaining({ reason, detail: expect.objectContaining({ status, kind: body.record.kind, caseId: body.record.case.id }) }),
  ]);
  return error;
}
