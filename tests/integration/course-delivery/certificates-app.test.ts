import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCertificateServerMailer } from '../../../src-main/case-types/course-delivery/certificate-server-mailer';
import { createCertificatesHandlers, type CertificatesHandlers } from '../../../src-main/case-types/course-delivery/certificates.handler';
import { demoCourse, demoParticipants } from '../../../src-main/cli/course-demo-case';
import { certificateBatchInput } from '../../../src-main/cli/course-demo';
import { openArchiveOutbox } from '../../../src-main/services/archive/archive-outbox';
import { createDocumentStore } from '../../../src-main/services/pdf/document-store';
import { createPdfRenderer } from '../../../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates } from '../../../src-main/services/signing/demo-certificates';
import { createDocumentSigning } from '../../../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../../../src-main/services/signing/pkcs12-signer';
import type { Session } from '../../../src-server/auth/sessions';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import type { CertificateParticipant } from '../../../src-shared/documents/course-certificate-batch.schema';
import type { CourseDeliveryCase, CourseDeliveryStatus } from '../../../src-shared/domain/course-delivery';
import type { Participant } from '../../../src-shared/domain/course-delivery/participants';
import type { CertificatesStatus } from '../../../src-shared/ipc/course-delivery.contract';
import { courseCertificatesPath } from '../../../src-shared/notifications/course-certificate-letter.schema';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { mailHeader, pdfAttachment, startSmtpStandIn, type ReceivedMail, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { pdfsig, pdfText, resourcesDir, withTempDir } from '../documents/tools';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * The course certificates from the app: the main process's batch handler (real rendering and
 * sealing) posts each certificate to a real central server over HTTP, which checks it against
 * the course case it holds and e-mails it through an SMTP server on loopback. Interrupted and
 * started again, nobody gets two; the server refuses what is not on its pass list.
 */
const course = demoCourse();
const at = new Date('2026-12-21T09:00:00.000Z');
const INSTITUTION = course.start.institution;
const DEPARTMENT = course.start.department;
const COURSE_NAME = 'Veiledning på tvers – særlig for øvede praksisveiledere';

let smtp: SmtpStandIn;
let server: TestServer;
let consultant: Session;
let teacher: Session;
let otherConsultant: Session;
let sealName: string;
let stored = 0;

beforeAll(async () => {
  smtp = await startSmtpStandIn();
  server = await startTestServer({
    smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hho.example.no>', pollMs: 50, backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 } },
  });
  const scope = (institution: string) => ({ institution, departments: [DEPARTMENT], cohorts: [], partners: [] });
  await server.addUser({ username: 'maren', roles: ['operationsConsultant'], scope: scope(INSTITUTION) });
  await server.addUser({ username: 'solveig', roles: ['teacher'], scope: scope(INSTITUTION) });
  await server.addUser({ username: 'elsewhere', roles: ['operationsConsultant'], scope: scope('other-institution') });
  [consultant, teacher, otherConsultant] = await Promise.all([server.login('maren'), server.login('solveig'), server.login('elsewhere')]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

let lists = 0;
/** Who passed (the first with æøå in the name), and one who failed; addresses of their own per list. */
function passList(count: number): { passed: CertificateParticipant[]; failed: CertificateParticipant } {
  lists += 1;
  const [first, ...rest] = demoParticipants(count + 1).map((p) => ({ ...p, email: p.email.replace('@', `.${lists}@`) }));
  const passed = [{ ...first!, name: 'Kjærsti Ødegård-Åsheim' }, ...rest.slice(0, count - 1)];
  return { passed, failed: rest[count - 1]! };
}

/** A course case on the server in `status`, its participants admitted and the results recorded by the teaching resource. */
async function storeCourse(list: ReturnType<typeof passList>, status: CourseDeliveryStatus = 'graded'): Promise<CourseDeliveryCase> {
  stored += 1;
  const admitted = (p: CertificateParticipant): Participant => ({
    id: p.id,
    name: p.name,
    birthDate: p.birthDate,
    email: p.email,
    registeredAt: '2026-09-01T10:00:00.000Z',
    status: 'admitted',
  });
  const everyone = [...list.passed, list.failed];
  const c: CourseDeliveryCase = {
    ...course.start,
    id: `course-certificates-${stored}`,
    caseNumber: `2026/0${stored}107`,
    status,
    details: {
      ...course.start.details,
      course: { ...course.start.details.course, name: COURSE_NAME },
      certificateText: { writtenAt: at.toISOString(), text: course.certificateText },
      participants: everyone.map(admitted),
      results: {
        source: 'teacher',
        recordedAt: at.toISOString(),
        recordedBy: course.teachingResource.id,
        // The LMS may spell an address in capitals: matched without regard to case.
        entries: everyone.map((p) => ({ email: p.email.toUpperCase(), name: p.name, result: p === list.failed ? 'failed' : 'passed' })),
      },
    },
  };
  const cases = defaultSyncCollections().find((candidate) => candidate.name === 'cases')!;
  await importDocuments(server.db, cases, [c], { actorId: null, action: 'test' });
  return c;
}

async function withHandlers<T>(use: (handlers: CertificatesHandlers, fetchCalls: { count: number; failAt?: number }) => Promise<T>): Promise<T> {
  return withTempDir(async (dir) => {
    const certificates = createDemoCertificates({
      institution: course.institution.name,
      coordinator: course.consultant.name,
      student: 'Åse Ødegård',
      now: new Date(),
    });
    sealName = certificates.seal.commonName;
    const seal = createPkcs12Signer({ pkcs12: certificates.seal.pkcs12, password: async () => certificates.seal.password, label: 'seal' });
    const calls: { count: number; failAt?: number } = { count: 0 };
    // The network fails once where a test says so: the batch stops there and resumes on the next start.
    const flakyFetch: typeof fetch = async (input, init) => {
      calls.count += 1;
      if (calls.count === calls.failAt) throw new TypeError('fetch failed: connection reset');
      return fetch(input, init);
    };
    const outbox = await openArchiveOutbox({ dir: join(dir, 'outbox'), adapters: [], now: () => at });
    try {
      const handlers = createCertificatesHandlers({
        batch: {
          signing: createDocumentSigning({ renderer: createPdfRenderer({ resourcesDir, now: () => at }), location: 'Oslo', now: () => at }),
          seal: async () => seal,
          store: createDocumentStore(join(dir, 'documents')),
          journalDir: join(dir, 'documents'),
          mailer: createCertificateServerMailer({
            connection: async () => ({ serverUrl: server.url, accessToken: consultant.accessToken }),
            fetch: flakyFetch,
          }),
          now: () => at,
        },
        archive: { outbox, targets: [] },
      });
      return await use(handlers, calls);
    } finally {
      await outbox.stop();
    }
  });
}

/** Polls the status channel as the panel does until the batch is no longer running; returns every status seen. */
async function untilStopped(handlers: CertificatesHandlers, caseId: string): Promise<CertificatesStatus[]> {
  const seen: CertificatesStatus[] = [];
  await vi.waitFor(
    async () => {
      const status = await handlers.courseCertificatesStatus({ caseId });
      seen.push(status);
      if (status.state === 'running') throw new Error(`${status.done} of ${status.total}`);
    },
    { timeout: 60_000, interval: 50 },
  );
  return seen;
}

const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email));
const waitForMails = (emails: readonly string[]) =>
  vi.waitFor(
    () => {
      const missing = emails.filter((email) => mailsTo(email).length === 0);
      if (missing.length) throw new Error(`no e-mail yet to ${missing.join(', ')}`);
    },
    { timeout: 20_000, interval: 25 },
  );

/** The text/plain part of a multipart message, transfer encoding undone. */
function textPart(mail: ReceivedMail): string {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(mail.raw)?.[1];
  const part = mail.raw.split(`--${boundary}`).find((candidate) => /Content-Type: text\/plain/i.test(candidate)) ?? '';
  const [head = '', ...rest] = part.split(/\r?\n\r?\n/);
  const body = rest.join('\n');
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const post = (caseId: string, body: unknown, session: Session) =>
  fetch(`${server.url}${courseCertificatesPath(caseId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
    body: JSON.stringify(body),
  });
const pdfBase64 = Buffer.from('%PDF-1.7\n% kursbevis\n%%EOF\n').toString('base64');

describe('course certificates from the app', () => {
  it('issues, seals and e-mails one certificate per passed participant, to their registered address, with progress', async () => {
    const list = passList(4);
    const c = await storeCourse(list);
    await withHandlers(async (handlers) => {
      const started = await handlers.courseCertificatesStart({ caseId: c.id, batch: certificateBatchInput(course, c, list.passed, at) });
      expect(started).toMatchObject({ caseId: c.id, state: 'running', total: 4 });
      // A second start while it runs answers with the running batch.
      expect(await handlers.courseCertificatesStart({ caseId: c.id, batch: certificateBatchInput(course, c, list.passed, at) })).toMatchObject({
        state: 'running',
      });
      const seen = await untilStopped(handlers, c.id);
      expect(seen.at(-1)).toEqual({ caseId: c.id, state: 'finished', done: 4, total: 4, resumed: 0 });
      const dones = seen.map((status) => status.done);
      expect(dones).toEqual([...dones].sort((a, b) => a - b));
    });

    await waitForMails(list.passed.map((p) => p.email));
    for (const participant of list.passed) {
      const [mail, ...more] = mailsTo(participant.email);
      expect(more).toEqual([]);
      const pdf = pdfAttachment(mail!.raw);
      expect(await pdfText(pdf)).toContain(participant.name);
      expect(await pdfsig(pdf)).toEqual([{ signer: sealName, valid: true, subFilter: 'ETSI.CAdES.detached', coversAll: true }]);
    }
    expect(mailsTo(list.failed.email)).toEqual([]);

    const [kjaersti] = mailsTo(list.passed[0]!.email);
    expect(mailHeader(kjaersti!.raw, 'Subject')).toBe(`Kursbevis / Course certificate: EVU-VEI-H26 ${COURSE_NAME}`);
    const text = textPart(kjaersti!);
    expect(text).toContain('Hei Kjærsti Ødegård-Åsheim,');
    expect(text).toContain(`Vedlagt er kursbeviset ditt for EVU-VEI-H26 ${COURSE_NAME}.`);
    expect(text).toContain('Your course certificate for');
  }, 120_000);

  it('resumes after the server could not be reached and leaves exactly one e-mail per participant', async () => {
    const list = passList(5);
    const c = await storeCourse(list);
    await withHandlers(async (handlers, calls) => {
      calls.failAt = 3;
      const batch = certificateBatchInput(course, c, list.passed, at);
      await handlers.courseCertificatesStart({ caseId: c.id, batch });
      const failed = (await untilStopped(handlers, c.id)).at(-1)!;
      expect(failed).toMatchObject({ state: 'failed', error: expect.stringContaining('could not be reached') });
      expect(failed.done).toBeGreaterThanOrEqual(2);
      expect(failed.done).toBeLessThan(5);

      await handlers.courseCertificatesStart({ caseId: c.id, batch });
      const finished = (await untilStopped(handlers, c.id)).at(-1)!;
      expect(finished).toEqual({ caseId: c.id, state: 'finished', done: 5, total: 5, resumed: failed.done });
    });
    await waitForMails(list.passed.map((p) => p.email));
    // Every queued e-mail has gone out: nothing more arrives after the last one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const participant of list.passed) expect(mailsTo(participant.email)).toHaveLength(1);
  }, 120_000);
});

describe('POST /courses/{caseId}/certificates', () => {
  const refusal = async (response: Response) => ({ status: response.status, ...syncErrorSchema.parse(await response.json()) });

  it('sends a certificate posted again once, with the same receipt, and never to an address the client names', async () => {
    const list = passList(2);
    const c = await storeCourse(list, 'certificatesSent');
    const participant = list.passed[1]!;
    const body = { participantId: participant.id, fileName: 'kursbevis.pdf', pdfBase64, to: 'inntrenger@example.com', email: 'inntrenger@example.com' };
    const first = await post(c.id, body, consultant);
    const second = await post(c.id, body, consultant);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const receipt = (await first.json()) as { emailId: string };
    expect(((await second.json()) as { emailId: string }).emailId).toBe(receipt.emailId);
    await waitForMails([participant.email]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(participant.email)).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.raw.includes('inntrenger@example.com'))).toEqual([]);
  });

  it('refuses a participant not on the pass list, a course not graded, other staff and no PDF', async () => {
    const list = passList(2);
    const c = await storeCourse(list);
    const inProgress = await storeCourse(passList(2), 'inProgress');
    const ok = { participantId: list.passed[0]!.id, fileName: 'kursbevis.pdf', pdfBase64 };

    expect(await refusal(await post(c.id, { ...ok, participantId: list.failed.id }, consultant))).toMatchObject({
      status: 422,
      details: { reason: 'invalid-recipient' },
    });
    expect(await refusal(await post(c.id, { ...ok, participantId: 'participant-unknown' }, consultant))).toMatchObject({ status: 422 });
    expect(await refusal(await post(inProgress.id, ok, consultant))).toMatchObject({ status: 409, details: { reason: 'workflow-step-not-reached' } });
    expect(await refusal(await post('course-not-synced', ok, consultant))).toMatchObject({ status: 409, details: { reason: 'parent-missing' } });
    expect(await refusal(await post(c.id, ok, teacher))).toMatchObject({ status: 403, details: { reason: 'forbidden' } });
    expect(await refusal(await post(c.id, ok, otherConsultant))).toMatchObject({ status: 403 });
    expect(await refusal(await post(c.id, { ...ok, pdfBase64: Buffer.from('<html>kursbevis</html>').toString('base64') }, consultant))).toMatchObject({
      status: 400,
    });
    expect(await refusal(await post(c.id, { ...ok, fileName: '../kursbevis.pdf' }, consultant))).toMatchObject({ status: 400 });

    const denied = await server.db.query<{ reason: string }>(
      `SELECT reason FROM audit_log WHERE action = 'letter' AND outcome = 'denied' AND document_id = $1 ORDER BY id`,
      [c.id],
    );
    expect(denied.map((row) => row.reason)).toEqual(['invalid-recipient', 'invalid-recipient', 'forbidden', 'forbidden', 'bad-request', 'bad-request']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsTo(list.failed.email)).toEqual([]);
    expect(mailsTo(list.passed[0]!.email)).toEqual([]);
  });
});
