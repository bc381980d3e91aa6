import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoArchiveRecord } from '../../../src-main/cli/demo-case';
import { setUserDisabled } from '../../../src-server/auth/accounts';
import type { Session } from '../../../src-server/auth/sessions';
import { openDatabase, type Database } from '../../../src-server/db/database';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { followUpWorkflow, type FollowUpCase, type FollowUpEvent } from '../../../src-shared/domain/follow-up';
import {
  LETTERS_PATH,
  letterReceiptSchema,
  type LetterKind,
  type LetterRefusalReason,
  type LetterRequest,
} from '../../../src-shared/notifications/letter.schema';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { pdfAttachment, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { followUpCase, scope } from '../sync/support/fixtures';
import { TcpProxy } from '../sync/support/tcp-proxy';
import { dropTestSchema, startTestServer, testDatabaseOptions, type TestServer } from '../sync/support/test-server';
import {
  collection,
  demo,
  MAIL_DOMAIN,
  deniedLetters as denied,
  documentRecord,
  expectRefused as expectLetterRefused,
  letter,
  mailOptions,
  mailsFor,
  outboxRow,
  pdfOf,
  pushRows,
  registered,
  sendIssued,
  sendLetter,
  waitForMail,
} from './letter-support';

/**
 * `POST /letters` on a real server (PGlite, or PostgreSQL with DATABASE_URL) over HTTP, with a
 * real SMTP server on loopback: what the laptop hands over arrives as e-mail, PDF attached.
 */
const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;

/** The follow-up steps in order, with who takes them; the protocol and the decision record these documents. */
const followUpSteps = (head: Actor, documents: { protocol?: string; decision?: string }): ['coordinator' | 'head' | 'rector', FollowUpEvent][] => [
  ['coordinator', { type: 'summon', at: day(3), meetingAt: day(10), mode: 'inPerson', location: 'Rom 101', reason: 'Fravær og manglende arbeidskrav' }],
  ['coordinator', { type: 'holdConversation', at: day(10), participants: [], noteIds: [] }],
  ['coordinator', { type: 'draftProtocol', at: day(11), documentId: documents.protocol ?? 'protocol-of-another-letter', summary: 'Samtalen er holdt.' }],
  ['coordinator', { type: 'signAsStudent', at: day(11), signerName: 'Åse Ødegård', method: 'onScreen' }],
  ['coordinator', { type: 'signAsCoordinator', at: day(12) }],
  ['coordinator', { type: 'sendProtocol', at: day(12) }],
  ['head', { type: 'callMeeting', at: day(13), meetingAt: day(20), location: 'Møterom 2', participantIds: [head.userId] }],
  ['rector', { type: 'reviewWithRector', at: day(20), recommendsDecision: true, comment: '' }],
  [
    'head',
    {
      type: 'decide',
      at: day(20),
      outcome: 'continuationWithConditions',
      legalBasis: 'Forskrift § 5-3',
      facts: 'Fakta.',
      considerations: 'Vurdering.',
      documentId: documents.decision ?? 'decision-of-another-letter',
    },
  ],
  ['head', { type: 'archiveDecision', at: day(21), reference: '2026/17-3' }],
  ['head', { type: 'sendDecision', at: day(21) }],
];

/**
 * A follow-up case about the demo student taken through the real workflow up to and including the
 * step `until` (null: just opened), stored on the server with its student as a trusted import.
 */
async function stageCase(
  server: TestServer,
  actors: { coordinator: Actor; head: Actor; rector?: Actor },
  until: FollowUpEvent['type'] | null,
  documents: { protocol?: string; decision?: string } = {},
  overrides: Partial<Case> = {},
): Promise<Case> {
  let c = followUpCase(actors.coordinator.userId, { caseNumber: demo.caseNumber, ...overrides }) as FollowUpCase;
  for (const [who, event] of until ? followUpSteps(actors.head, documents) : []) {
    const actor = actors[who];
    if (!actor) throw new Error(`${event.type} needs the ${who}`);
    const result = followUpWorkflow.transition(c, event, actor);
    if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
    c = result.state;
    if (event.type === until) break;
  }
  await importDocuments(server.db, collection('people'), [registered(c)], { actorId: null, action: 'test' });
  await importDocuments(server.db, collection('cases'), [c], { actorId: null, action: 'test' });
  return c;
}

/** The step that issues each letter. */
const issuingStep: Record<LetterKind, FollowUpEvent['type']> = { summons: 'summon', protocol: 'sendProtocol', decision: 'sendDecision' };

describe('POST /letters', () => {
  let smtp: SmtpStandIn;
  let server: TestServer;
  let kari: Session;
  let outsider: Session;
  /** The head of the case's department (helse), who sends the decision. */
  let per: Session;
  let actors: { coordinator: Actor; head: Actor; rector: Actor };
  /** A case whose student has been summoned. */
  let caseDoc: Case;

  /** A letter of this kind on a new case that has taken the step `until` (by default the step that issues the letter). */
  async function onStagedCase(
    kind: LetterKind,
    change?: (record: LetterRequest['record']) => LetterRequest['record'],
    until: FollowUpEvent['type'] | null = issuingStep[kind],
  ) {
    const body = letter(kind, 'not-staged-yet', change);
    const c = await stageCase(server, actors, until, kind === 'summons' ? {} : { [kind]: body.record.documentId });
    return { c, body: { ...body, record: { ...body.record, case: { ...body.record.case, id: c.id } } } };
  }

  beforeAll(async () => {
    smtp = await startSmtpStandIn();
    server = await startTestServer({ smtp: mailOptions(smtp.url) });
    const coordinator = await server.addUser({
      username: 'kari',
      name: 'Kari Nordmann',
      roles: ['cohortCoordinator'],
      scope: scope({ cohorts: ['spl-2025'] }),
    });
    await server.addUser({ username: 'olav', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['ver-2025'] }) });
    // The staff directory the server addresses letters from: the demo case's head of department and rector.
    const head = await server.addUser({
      username: 'per',
      name: demo.departmentHead.name,
      email: demo.departmentHead.email,
      roles: ['departmentHead'],
      scope: scope({ departments: ['helse'] }),
    });
    const rector = await server.addUser({ username: 'ingrid', name: demo.rector.name, email: demo.rector.email, roles: ['rector'], scope: scope({}) });
    [kari, outsider, per] = [await server.login('kari'), await server.login('olav'), await server.login('per')];
    actors = { coordinator, head, rector };
    caseDoc = await stageCase(server, actors, 'summon');
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
    const { body: protocol } = await onStagedCase('protocol');
    expect((await sendIssued(server, protocol, kari)).status).toBe(200);
    const mail = await waitForMail(smtp, protocol.id);
    expect(mail.to).toEqual([demo.departmentHead.email, demo.student.email]);
    expect(mail.raw).toMatch(new RegExp(`^To: ${demo.departmentHead.email}\\r?$`, 'm'));
    expect(mail.raw).toMatch(new RegExp(`^Cc: ${demo.student.email}\\r?$`, 'm'));
    expect(pdfAttachment(mail.raw).equals(Buffer.from(protocol.pdfBase64, 'base64'))).toBe(true);
  });

  it('e-mails the decision to the student with a copy to the rector', async () => {
    const { body: decision } = await onStagedCase('decision');
    expect((await sendIssued(server, decision, per)).status).toBe(200);
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
    [
      'a student without an e-mail address',
      'summons',
      (r) => ({ ...r, student: { ...r.student, email: '' }, recipients: [] }),
      /No e-mail address for the student/,
    ],
    [
      'an invalid address',
      'protocol',
      (r) => ({ ...r, recipients: r.recipients.map((p) => (p.role === 'internalRecipient' ? { ...p, email: 'per.hansen(at)hho' } : p)) }),
      /address of the head of department .* is not valid/,
    ],
    ['a decision without the rector', 'decision', (r) => ({ ...r, recipients: r.recipients.filter((p) => p.role !== 'copy') }), /needs the rector/],
  ];
  it.each(recipientProblems)('answers 422 invalid-recipient for %s', async (_label, kind, change, message) => {
    const { body } = await onStagedCase(kind, change);
    const answer = await sendIssued(server, body, kind === 'decision' ? per : kari);
    expect(answer.status).toBe(422);
    expect(syncErrorSchema.parse(answer.body)).toMatchObject({ code: 'invalid-recipient', message: expect.stringMatching(message) });
  });

  it('answers 409 while the document record has not synced, and 422 for other bytes or another student address', async () => {
    const early = letter('summons', caseDoc.id);
    expect(await sendLetter(server, early, kari)).toMatchObject({
      status: 409,
      body: { code: 'parent-missing', message: expect.stringContaining('document') },
    });

    const forged = letter('summons', caseDoc.id);
    await pushRows(server, kari, 'documents', [documentRecord(forged, kari.user.userId, pdfOf('what was really issued'))]);
    expect(await sendLetter(server, forged, kari)).toMatchObject({ status: 422, body: { code: 'document-mismatch' } });

    const redirected = letter('summons', caseDoc.id, (r) => ({ ...r, student: { ...r.student, email: 'someone.else@example.org' } }));
    expect(await sendIssued(server, redirected, kari)).toMatchObject({
      status: 422,
      body: { code: 'invalid-recipient', message: expect.stringContaining('register') },
    });
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
    await importDocuments(server.db, collection('cases'), [own], { actorId: null, action: 'test' });
    await importDocuments(server.db, collection('documents'), [documentRecord(summons, kari.user.userId)], { actorId: null, action: 'test' });
    const session = await server.login('aase');
    const pulled = (await (
      await fetch(`${server.url}/sync/cases/v0/pull?batchSize=100`, { headers: { authorization: `Bearer ${session.accessToken}` } })
    ).json()) as {
      documents: { id: string }[];
    };
    expect(pulled.documents.map((doc) => doc.id)).toContain(own.id);
    expect(await sendLetter(server, summons, session)).toMatchObject({ status: 403, body: { code: 'forbidden', message: expect.stringContaining('staff') } });
  });

  describe('the server decides what is sent to whom', () => {
    type Named = Pick<LetterRequest['record']['recipients'][number], 'name' | 'email'>;
    const stranger: Named = { name: demo.departmentHead.name, email: 'per.hansen@evil.example.org' };
    let hilde: Named & { session: Session };
    let gunnar: Named;
    let siv: Named;
    let otherRector: Named;
    let ingrid: Session;

    beforeAll(async () => {
      const staff = async (username: string, name: string, roles: Actor['roles'], over: Parameters<typeof scope>[0]) => {
        const email = `${username}@${over?.institution === 'annen-skole' ? 'annen.example.no' : 'hho.example.no'}`;
        await server.addUser({ username, name, email, roles, scope: scope(over) });
        return { name, email };
      };
      hilde = { ...(await staff('hilde', 'Hilde Berg', ['departmentHead'], { departments: ['okonomi'] })), session: await server.login('hilde') };
      gunnar = await staff('gunnar', 'Gunnar Lie', ['departmentHead'], { departments: ['helse'] });
      await setUserDisabled(server.db, 'gunnar', true);
      siv = await staff('siv', 'Siv Dahl', ['cohortCoordinator'], { cohorts: ['spl-2025'] });
      otherRector = await staff('rektor-annen', 'Rektor Annensen', ['rector'], { institution: 'annen-skole' });
      ingrid = await server.login('ingrid');
    });

    const deniedLetters = () => denied(server.db);
    const expectRefused = (answer: { status: number; body: unknown }, body: LetterRequest, status: number, reason: LetterRefusalReason) =>
      expectLetterRefused(server.db, answer, body, status, reason);

    const withStaff = (role: 'internalRecipient' | 'copy', named: Named) => (record: LetterRequest['record']) => ({
      ...record,
      recipients: record.recipients.map((recipient) => (recipient.role === role && recipient.party === 'staff' ? { ...recipient, ...named } : recipient)),
    });

    it("refuses a letter whose document is of another kind, even with that document's own bytes (422 letter-kind-mismatch)", async () => {
      const { c, body: protocol } = await onStagedCase('protocol');
      const summons = letter('summons', c.id);
      await pushRows(server, kari, 'documents', [documentRecord(summons, kari.user.userId)]);
      const disguised = { ...protocol, record: { ...protocol.record, documentId: summons.record.documentId }, pdfBase64: summons.pdfBase64 };
      await expectRefused(await sendLetter(server, disguised, kari), disguised, 422, 'letter-kind-mismatch');

      await pushRows(server, kari, 'documents', [documentRecord(protocol, kari.user.userId)]);
      const asSummons = {
        ...protocol,
        id: randomUUID(),
        record: { ...demoArchiveRecord(demo, 'summons', []), kind: 'summons' as const, documentId: protocol.record.documentId, case: protocol.record.case },
      };
      await expectRefused(await sendLetter(server, asSummons, kari), asSummons, 422, 'letter-kind-mismatch');
    });

    it('refuses a document of another case, and one the case does not record for the letter (422 document-mismatch)', async () => {
      const elsewhere = letter('summons', caseDoc.id);
      const { c } = await onStagedCase('summons');
      await pushRows(server, kari, 'documents', [{ ...documentRecord(elsewhere, kari.user.userId), caseId: c.id }]);
      await expectRefused(await sendLetter(server, elsewhere, kari), elsewhere, 422, 'document-mismatch');

      const decision = letter('decision', 'not-staged-yet');
      const other = await stageCase(server, actors, 'sendDecision', { decision: 'the-decision-on-record' });
      const unrecorded = { ...decision, record: { ...decision.record, case: { ...decision.record.case, id: other.id } } };
      await expectRefused(await sendIssued(server, unrecorded, per), unrecorded, 422, 'document-mismatch');
    });

    it.each<[string, LetterKind, FollowUpEvent['type'] | null, 'kari' | 'per']>([
      ['a summons before the student is summoned', 'summons', null, 'kari'],
      ['a protocol signed but not yet sent', 'protocol', 'signAsCoordinator', 'kari'],
      ['a decision before it is made', 'decision', 'callMeeting', 'per'],
      ['a decision made and archived, but not yet sent', 'decision', 'archiveDecision', 'per'],
    ])('refuses %s (409 workflow-step-not-reached)', async (_label, kind, until, sender) => {
      const { body } = await onStagedCase(kind, undefined, until);
      const error = await expectRefused(await sendIssued(server, body, sender === 'kari' ? kari : per), body, 409, 'workflow-step-not-reached');
      expect(error.code).toBe('workflow-step-not-reached');
    });

    it('lets only staff who take the issuing step post the letter (403)', async () => {
      const { body: decision } = await onStagedCase('decision');
      await pushRows(server, per, 'documents', [documentRecord(decision, per.user.userId)]);
      for (const [session, message] of [
        [kari, 'departmentHead'],
        [ingrid, 'departmentHead'],
        [hilde.session, 'access'],
      ] as const) {
        const attempt = { ...decision, id: randomUUID() };
        expect((await expectRefused(await sendLetter(server, attempt, session), attempt, 403, 'forbidden')).message).toContain(message);
      }
      const summons = letter('summons', caseDoc.id);
      await expectRefused(await sendIssued(server, summons, per), summons, 403, 'forbidden');
    });

    it.each<[string, Named]>([
      ['an address outside the staff directory', stranger],
      ['the head of another department', { name: 'Hilde Berg', email: 'hilde@hho.example.no' }],
      ["a disabled head of the case's department", { name: 'Gunnar Lie', email: 'gunnar@hho.example.no' }],
      ['a cohort coordinator of the case', { name: 'Siv Dahl', email: 'siv@hho.example.no' }],
    ])("sends the protocol to no head of department but the case's own: refuses %s (422 invalid-recipient)", async (_label, named) => {
      const { body } = await onStagedCase('protocol', withStaff('internalRecipient', named));
      await expectRefused(await sendIssued(server, body, kari), body, 422, 'invalid-recipient');
    });

    it("sends the decision's copy to no rector but one of the case's institution (422 invalid-recipient)", async () => {
      const { body } = await onStagedCase('decision', withStaff('copy', otherRector));
      await expectRefused(await sendIssued(server, body, per), body, 422, 'invalid-recipient');
    });

    it('addresses letters itself when the request names no recipients, from the register and the staff directory', async () => {
      const { body: protocol } = await onStagedCase('protocol', (record) => ({ ...record, recipients: [] }));
      const { body: decision } = await onStagedCase('decision', (record) => ({ ...record, recipients: [] }));
      expect((await sendIssued(server, protocol, kari)).status).toBe(200);
      expect((await sendIssued(server, decision, per)).status).toBe(200);
      expect((await waitForMail(smtp, protocol.id)).to).toEqual([demo.departmentHead.email, demo.student.email]);
      expect((await waitForMail(smtp, decision.id)).to).toEqual([demo.student.email, demo.rector.email]);
      const everyone = smtp.received.flatMap((mail) => mail.to);
      for (const refused of [stranger.email, hilde.email, gunnar.email, siv.email, otherRector.email]) expect(everyone).not.toContain(refused);
    });

    it("refuses a letter about another student than the case's (422 invalid-recipient)", async () => {
      const { body } = await onStagedCase('summons', (record) => ({ ...record, student: { ...record.student, nationalId: '01010112345' } }));
      await expectRefused(await sendIssued(server, body, kari), body, 422, 'invalid-recipient');
    });

    it('refuses a letter on a case of a type that sends none (422 letter-kind-mismatch)', async () => {
      const nomination = followUpCase(kari.user.userId, { type: 'nomination', status: 'underReview', caseNumber: demo.caseNumber });
      await importDocuments(server.db, collection('people'), [registered(nomination)], { actorId: null, action: 'test' });
      await importDocuments(server.db, collection('cases'), [nomination], { actorId: null, action: 'test' });
      const decision = letter('decision', nomination.id);
      await importDocuments(server.db, collection('documents'), [documentRecord(decision, per.user.userId)], { actorId: null, action: 'test' });
      const refused = await expectRefused(await sendLetter(server, decision, per), decision, 422, 'letter-kind-mismatch');
      expect(refused.message).toContain('nomination case, which sends no decision letter');
    });

    it.each<[string, (body: LetterRequest) => LetterRequest, string]>([
      [
        "NUL in the student's name",
        (b) => ({ ...b, record: { ...b.record, student: { ...b.record.student, givenName: 'Åse\u0000' } } }),
        'record.student.givenName',
      ],
      ['NUL in the case id', (b) => ({ ...b, record: { ...b.record, case: { ...b.record.case, id: `${b.record.case.id}\u0000` } } }), 'record.case.id'],
      ['NUL in the document id', (b) => ({ ...b, record: { ...b.record, documentId: '\u0000' } }), 'record.documentId'],
      ['a bell in the title', (b) => ({ ...b, record: { ...b.record, title: 'Innkalling\u0007' } }), 'record.title'],
      [
        "a right-to-left override in a recipient's name",
        (b) => ({ ...b, record: { ...b.record, recipients: [{ ...b.record.recipients[0]!, name: '\u202Egpj.exe' }] } }),
        'record.recipients.0.name',
      ],
      ['NUL in a field the letter does not have', (b) => ({ ...b, record: { ...b.record, remark: 'x\u0000' } }), 'record.remark'],
    ])('answers 400 to %s, and audits it', async (_label, change, field) => {
      const before = (await deniedLetters()).filter((entry) => entry.reason === 'bad-request').length;
      const body = change(letter('summons', caseDoc.id));
      const answer = await sendLetter(server, body, kari);
      expect(answer.status).toBe(400);
      expect(syncErrorSchema.parse(answer.body)).toMatchObject({
        code: 'bad-request',
        message: expect.stringContaining(`${field}: must not contain control characters`),
      });
      expect(await outboxRow(server.db, body.id)).toBeUndefined();
      const denied = (await deniedLetters()).filter((entry) => entry.reason === 'bad-request');
      expect(denied).toHaveLength(before + 1);
      expect(denied.at(-1)).toMatchObject({ actor_id: kari.user.userId, detail: { status: 400 } });
    });
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
    const coordinator = await server.addUser({ username: 'kari', roles: ['cohortCoordinator'], scope: scope({ cohorts: ['spl-2025'] }) });
    const head = await server.addUser({ username: 'per', roles: ['departmentHead'], scope: scope({ departments: ['helse'] }) });
    const kari = await server.login('kari');
    const caseDoc = await stageCase(server, { coordinator, head }, 'summon');
    const summons = letter('summons', caseDoc.id);
    expect(await sendIssued(server, summons, kari)).toEqual({ status: 200, body: { emailId: summons.id, status: 'queued' } });
    await server.close();
    expect(await outboxRow(db, summons.id)).toMatchObject({ status: 'queued', attempts: 0 });

    // Restarted with SMTP while the mail server is down: it keeps trying.
    proxy.hooks = { onConnect: () => false };
    const smtpUrl = `smtp://127.0.0.1:${new URL(await proxy.listen()).port}`;
    server = await startTestServer({ db, smtp: mailOptions(smtpUrl) });
    await vi.waitFor(
      async () =>
        expect(await outboxRow(db, summons.id)).toMatchObject({
          status: 'queued',
          attempts: expect.toSatisfy((n: number) => n >= 2),
          last_error: expect.any(String),
        }),
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
