import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../src-server/auth/sessions';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { schemaVersionOf } from '../../../src-shared/db/collections';
import type { Actor } from '../../../src-shared/domain/access';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { followUpWorkflow, type FollowUpCase, type FollowUpEvent } from '../../../src-shared/domain/follow-up';
import { mailHeader, startSmtpStandIn, type ReceivedMail, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { followUpCase, scope } from '../sync/support/fixtures';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * Notices without a letter are the server's: when it accepts a pushed step, it derives the step's
 * notices from the stored and the pushed case and e-mails them (real server over HTTP, PGlite or
 * PostgreSQL, a real SMTP server on loopback). A refused push sends nothing; a repeated one
 * nothing twice.
 */
const MAIL_DOMAIN = 'hvl.example.no';
const email = {
  kari: 'kari.nordmann@hvl.example.no',
  olav: 'olav.vik@hvl.example.no',
  per: 'per.hansen@hvl.example.no',
  ingrid: 'rektor@hvl.example.no',
  student: 'aase.odegard@student.hvl.example.no',
  lars: 'lars.oien@hvl.example.no',
};

const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`;

/** The follow-up up to the protocol sent to the head of department, by the cohort coordinator. */
const toProtocolSent: FollowUpEvent[] = [
  { type: 'summon', at: day(3), meetingAt: day(10), mode: 'inPerson', location: 'Rom 101', reason: 'Fravær og manglende arbeidskrav' },
  { type: 'holdConversation', at: day(10), participants: [], noteIds: [] },
  { type: 'draftProtocol', at: day(11), documentId: 'protocol-1', summary: 'Samtalen er holdt.' },
  { type: 'signAsStudent', at: day(11), signerName: 'Åse Ødegård', method: 'onScreen' },
  { type: 'signAsCoordinator', at: day(12) },
  { type: 'sendProtocol', at: day(12) },
];

const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;
const wire = (c: Case) => ({ ...c, _deleted: false });

describe('notices the server sends when it accepts a step', () => {
  let smtp: SmtpStandIn;
  let server: TestServer;
  let coordinator: Actor;
  let head: Actor;
  let rector: Actor;
  let teacher: Actor;
  let sessions: Record<'kari' | 'per', Session>;
  let cases = 0;

  /** A new follow-up case (with its own case number) whose protocol has gone to the head of department, stored on the server. */
  async function protocolSentCase(): Promise<FollowUpCase> {
    cases += 1;
    let c = followUpCase(coordinator.userId, { caseNumber: `2026/0${cases}777` }) as FollowUpCase;
    for (const event of toProtocolSent) {
      const result = followUpWorkflow.transition(c, event, coordinator);
      if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
      c = result.state;
    }
    const student = {
      id: c.subjectPersonId,
      givenName: 'Åse',
      familyName: 'Ødegård',
      nationalId: '17859507158',
      email: email.student,
      institution: c.institution,
      cohorts: [c.cohort],
      updatedAt: c.updatedAt,
    };
    await importDocuments(server.db, collection('people'), [student], { actorId: null, action: 'test' });
    await importDocuments(server.db, collection('cases'), [c], { actorId: null, action: 'test' });
    return c;
  }

  function step(c: FollowUpCase, event: FollowUpEvent, actor: Actor): FollowUpCase {
    const result = followUpWorkflow.transition(c, event, actor);
    if (!result.ok) throw new Error(`${event.type}: ${result.message}`);
    return result.state;
  }

  /** Pushes the step from `before` to `after` as a laptop does; returns the push's answer. */
  async function push(session: Session, before: Case, after: Case) {
    const response = await fetch(`${server.url}/sync/cases/v${schemaVersionOf('cases')}/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ rows: [{ assumedMasterState: wire(before), newDocumentState: wire(after) }] }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { conflicts: unknown[]; rejections: { reason: string }[] };
  }

  const subjectOf = (mail: ReceivedMail) => mailHeader(mail.raw, 'Subject') ?? '';
  const mailsAbout = (c: Case) => smtp.received.filter((mail) => subjectOf(mail).includes(c.caseNumber));
  const waitForMail = (c: Case) =>
    vi.waitFor(
      () => {
        const [mail] = mailsAbout(c);
        if (!mail) throw new Error(`no e-mail about ${c.caseNumber} yet`);
        return mail;
      },
      { timeout: 15_000, interval: 25 },
    );
  /** The e-mails the server has queued about a case (sent or not): what it decided to send. */
  const queuedAbout = async (c: Case) =>
    (await server.db.query<{ message: string }>(`SELECT message FROM email_outbox`))
      .map((row) => JSON.parse(row.message) as { subject: string; to: string[]; cc: string[] })
      .filter((message) => message.subject.includes(c.caseNumber));

  beforeAll(async () => {
    smtp = await startSmtpStandIn();
    server = await startTestServer({
      smtp: { url: smtp.url, from: `Saksflyt <saksflyt@${MAIL_DOMAIN}>`, pollMs: 50, backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 } },
    });
    coordinator = await server.addUser({
      username: 'kari',
      name: 'Kari Nordmann',
      email: email.kari,
      roles: ['cohortCoordinator'],
      scope: scope({ cohorts: ['spl-2025'] }),
    });
    // A coordinator of another cohort: not the case's, so no copy.
    await server.addUser({ username: 'olav', name: 'Olav Vik', email: email.olav, roles: ['cohortCoordinator'], scope: scope({ cohorts: ['ver-2025'] }) });
    head = await server.addUser({ username: 'per', name: 'Per Hansen', email: email.per, roles: ['departmentHead'], scope: scope({ departments: ['helse'] }) });
    rector = await server.addUser({ username: 'ingrid', name: 'Ingrid Solberg', email: email.ingrid, roles: ['rector'], scope: scope({}) });
    teacher = await server.addUser({ username: 'lars', name: 'Lars Øien', email: email.lars, roles: ['teacher'], scope: scope({ cohorts: ['spl-2025'] }) });
    sessions = { kari: await server.login('kari'), per: await server.login('per') };
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('e-mails the meeting invitation to the rector with a copy to the cohort coordinator, the case number in the subject', async () => {
    const before = await protocolSentCase();
    const after = step(
      before,
      { type: 'callMeeting', at: day(13), meetingAt: '2026-03-20T10:00:00.000Z', location: 'Møterom 2', participantIds: [rector.userId, coordinator.userId] },
      head,
    );
    expect(await push(sessions.per, before, after)).toMatchObject({ conflicts: [], rejections: [] });

    const mail = await waitForMail(after);
    expect(mail.from).toBe(`saksflyt@${MAIL_DOMAIN}`);
    expect(mail.to).toEqual([email.ingrid, email.kari]);
    expect(mailHeader(mail.raw, 'To')).toBe(email.ingrid);
    expect(mailHeader(mail.raw, 'Cc')).toBe(email.kari);
    expect(subjectOf(mail)).toBe(`Innkalling til vedtaksmøte – sak ${after.caseNumber}`);
    expect(mail.raw).toContain('M=C3=B8terom 2'); // the place, quoted-printable
  });

  it('e-mails the student (register of people) when the head closes the case without a decision', async () => {
    const before = await protocolSentCase();
    const after = step(before, { type: 'closeWithoutDecision', at: day(14), reason: 'Studenten har levert arbeidskravene.' }, head);
    expect(await push(sessions.per, before, after)).toMatchObject({ conflicts: [], rejections: [] });

    const mail = await waitForMail(after);
    expect(mail.to).toEqual([email.student, email.kari]);
    expect(subjectOf(mail)).toBe(`Oppfølgingssaken er avsluttet uten vedtak – sak ${after.caseNumber}`);
  });

  it("tells the teacher who reported (an account) that the report was joined into the student's case", async () => {
    cases += 1;
    const report = {
      id: 'report-1',
      reportedBy: teacher.userId,
      reporterName: teacher.name,
      reportedAt: day(2),
      course: { code: 'SYK1002', name: 'Grunnleggende sykepleie' },
      concerns: ['missingParticipation' as const],
      description: 'Høyt fravær.',
      coursework: [],
    };
    const before = followUpCase(teacher.userId, { caseNumber: `2026/0${cases}777`, status: 'reported', assignees: [], details: { reports: [report] } });
    await importDocuments(server.db, collection('cases'), [before], { actorId: null, action: 'test' });
    const after = step(before as FollowUpCase, { type: 'merge', at: day(4), intoCaseId: 'the-students-open-case' }, coordinator);
    expect(await push(sessions.kari, before, after)).toMatchObject({ conflicts: [], rejections: [] });

    const mail = await waitForMail(after);
    expect(mail.to).toEqual([email.lars]);
    expect(mailHeader(mail.raw, 'Cc')).toBeUndefined();
  });

  it('sends nothing for a push it refuses', async () => {
    const before = await protocolSentCase();
    // The coordinator may not call the decision meeting: the push is refused.
    const after = {
      ...step(before, { type: 'callMeeting', at: day(13), meetingAt: day(20), location: 'Møterom 2', participantIds: [rector.userId] }, head),
      updatedBy: coordinator.userId,
    };
    const answer = await push(sessions.kari, before, after);
    expect(answer.rejections).toEqual([expect.objectContaining({ reason: 'forbidden' })]);
    expect(await queuedAbout(after)).toEqual([]);
  });

  it('sends once for a step pushed twice', async () => {
    const before = await protocolSentCase();
    const after = step(before, { type: 'callMeeting', at: day(13), meetingAt: day(20), location: 'Møterom 2', participantIds: [rector.userId] }, head);
    expect(await push(sessions.per, before, after)).toMatchObject({ conflicts: [], rejections: [] });
    // The laptop did not hear the answer and pushes the same state again: already stored, nothing new.
    expect(await push(sessions.per, before, after)).toMatchObject({ conflicts: [], rejections: [] });
    await waitForMail(after);
    expect(await queuedAbout(after)).toEqual([expect.objectContaining({ to: [email.ingrid], cc: [email.kari] })]);
  });
});
