import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalEvents, approvalStart, happyPaths, SCOPE, walk } from '../../../dev/testing';
import type { Session } from '../../../src-server/auth/sessions';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { approvalWorkflow, type ApprovalEvent } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { LetterKind, LetterRefusalReason, LetterRequest } from '../../../src-shared/notifications/letter.schema';
import { mailHeader, pdfAttachment, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { scope } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';
import {
  collection,
  demo,
  documentRecord,
  expectRefused as expectLetterRefused,
  letter,
  mailOptions,
  outboxRow,
  pushRows,
  registered,
  sendIssued,
  sendLetter,
  waitForMail,
} from './letter-support';

/**
 * The approval's decision (an individual decision) as a letter: `POST /letters` on a real server
 * with a real SMTP server on loopback, for an approval case taken through the real workflow.
 */
const student = { role: 'recipient', party: 'student', name: demo.student.name, email: demo.student.email } as const;

/** The decision letter as the approval's laptop sends it: to the student, no copy. */
const decisionLetter = (caseId: string, kind: LetterKind = 'decision') => letter(kind, caseId, (record) => ({ ...record, recipients: [student] }));

/**
 * An approval case (its student asked for consent along the way) taken along the main path up to and including the step `until`, stored on the
 * server (with its student as the register has them) under an id of its own.
 */
async function stageApproval(server: TestServer, until: ApprovalEvent['type']): Promise<Case> {
  const path = happyPaths.approval;
  const upTo = path.findIndex((step) => typeof step !== 'function' && step[1] === approvalEvents[until]);
  const states = walk(approvalWorkflow, approvalStart(false), path.slice(0, upTo + 1));
  const c = { ...(states.at(-1) as Case), id: randomUUID() };
  await importDocuments(server.db, collection('people'), [registered(c)], { actorId: null, action: 'test' });
  await importDocuments(server.db, collection('cases'), [c], { actorId: null, action: 'test' });
  return c;
}

describe('POST /letters: the approval decision', () => {
  let smtp: SmtpStandIn;
  let server: TestServer;
  /** A case officer of the case's institution, who decides. */
  let siri: Session;
  /** A case officer of another institution, who does not see the case. */
  let outsider: Session;
  /** The head of the case's department, who sees approval cases but does not decide them. */
  let head: Session;
  let decided: Case;

  const expectRefused = (answer: { status: number; body: unknown }, body: LetterRequest, status: number, reason: LetterRefusalReason) =>
    expectLetterRefused(server.db, answer, body, status, reason);

  beforeAll(async () => {
    smtp = await startSmtpStandIn();
    server = await startTestServer({ smtp: mailOptions(smtp.url) });
    await server.addUser({ username: 'siri', name: 'Siri Saksbehandler', roles: ['caseOfficer'], scope: scope({ institution: SCOPE.institution }) });
    await server.addUser({ username: 'other', roles: ['caseOfficer'], scope: scope({ institution: 'annen-skole' }) });
    await server.addUser({ username: 'head', roles: ['departmentHead'], scope: scope({ institution: SCOPE.institution, departments: [SCOPE.department] }) });
    [siri, outsider, head] = [await server.login('siri'), await server.login('other'), await server.login('head')];
    decided = await stageApproval(server, 'decide');
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('e-mails the decision to the student only, with the PDF attached, and audits it', async () => {
    expect(decided.status).toBe('decided');
    const decision = decisionLetter(decided.id);
    expect(await sendIssued(server, decision, siri)).toEqual({ status: 200, body: { emailId: decision.id, status: expect.any(String) } });

    const mail = await waitForMail(smtp, decision.id);
    expect(mail.to).toEqual([demo.student.email]);
    expect(mail.raw).not.toMatch(/^Cc:/m);
    expect(mailHeader(mail.raw, 'Subject')).toBe(`Vedtak i godkjenningssaken (sak ${decided.caseNumber})`);
    expect(pdfAttachment(mail.raw).equals(Buffer.from(decision.pdfBase64, 'base64'))).toBe(true);
    const [audit] = await server.db.query<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM audit_log WHERE action = 'letter' AND outcome = 'accepted' AND document_id = $1`,
      [decision.record.documentId],
    );
    expect(audit?.actor_id).toBe(siri.user.userId);
    expect(JSON.parse(audit!.detail)).toMatchObject({ kind: 'decision', to: [demo.student.email], cc: [] });
  });

  it('addresses the decision itself when the request names no recipients', async () => {
    const c = await stageApproval(server, 'decide');
    const decision = letter('decision', c.id, (record) => ({ ...record, recipients: [] }));
    expect((await sendIssued(server, decision, siri)).status).toBe(200);
    expect((await waitForMail(smtp, decision.id)).to).toEqual([demo.student.email]);
  });

  it('refuses the decision before the case officer has decided (409 workflow-step-not-reached)', async () => {
    const processing = await stageApproval(server, 'acceptFetchedResults');
    expect(processing.status).toBe('processing');
    const early = decisionLetter(processing.id);
    const error = await expectRefused(await sendIssued(server, early, siri), early, 409, 'workflow-step-not-reached');
    expect(error.message).toContain('has not issued its decision yet');
  });

  it('refuses a document of another case (422 document-mismatch)', async () => {
    const other = await stageApproval(server, 'decide');
    const elsewhere = decisionLetter(decided.id);
    await pushRows(server, siri, 'documents', [{ ...documentRecord(elsewhere, siri.user.userId), caseId: other.id }]);
    await expectRefused(await sendLetter(server, elsewhere, siri), elsewhere, 422, 'document-mismatch');
  });

  it('lets only a case officer who sees the case post it (403)', async () => {
    const decision = decisionLetter(decided.id);
    await pushRows(server, siri, 'documents', [documentRecord(decision, siri.user.userId)]);
    const attempts: [Session, string][] = [
      [outsider, 'access'],
      [head, 'caseOfficer'],
    ];
    for (const [session, message] of attempts) {
      const attempt = { ...decision, id: randomUUID() };
      expect((await expectRefused(await sendLetter(server, attempt, session), attempt, 403, 'forbidden')).message).toContain(message);
    }
  });

  it('refuses a letter the approval does not send, and a copy it does not name (422)', async () => {
    const summons = decisionLetter(decided.id, 'summons');
    const refused = await expectRefused(await sendIssued(server, summons, siri), summons, 422, 'letter-kind-mismatch');
    expect(refused.message).toContain('approval case, which sends no summons letter');

    // The follow-up's decision goes with a copy to the rector; the approval's to the student alone.
    const withCopy = letter('decision', decided.id);
    expect(withCopy.record.recipients.map((recipient) => recipient.role)).toContain('copy');
    await expectRefused(await sendIssued(server, withCopy, siri), withCopy, 422, 'invalid-recipient');
    expect(await outboxRow(server.db, withCopy.id)).toBeUndefined();
  });
});
