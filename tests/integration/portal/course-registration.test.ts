import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { courseDeliveryStart } from '../../../dev/testing/fixtures';
import { importDocuments } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { CourseDeliveryDetails, CourseDeliveryStatus } from '../../../src-shared/domain/course-delivery';
import type { Participant, RegistrationSetup } from '../../../src-shared/domain/course-delivery/participants';
import { courseRegisteredSchema, courseRegistrationRefusalSchema, publicCourseSchema } from '../../../src-shared/portal/course-registration.contract';
import { syncErrorSchema } from '../../../src-shared/sync/sync-error.schema';
import { mailHeader, mailText, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { startTestServer, type TestServer } from '../sync/support/test-server';

/**
 * A course's public registration page over real HTTP (no sign-in): the course read tells nothing
 * of its participants; a registration is stored on the case as the server's step and a receipt
 * reaches the mail server; refusals (a field missing, after the deadline, the address again, a
 * course not taking registrations, bad input) are clear 4xx and store nothing.
 */
let smtp: SmtpStandIn;
let server: TestServer;
beforeAll(async () => {
  smtp = await startSmtpStandIn();
  server = await startTestServer({
    smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50, backoff: { baseMs: 100, maxMs: 400, maxAttempts: 50 } },
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const today = dateOf(new Date());
const collection = (name: string) => defaultSyncCollections().find((candidate) => candidate.name === name)!;
const asked: RegistrationSetup['fields'] = ['phone', 'employer', 'invoiceAddress'];
const earlier: Participant = {
  id: 'participant-earlier',
  name: 'Tidligere Påmeldt',
  birthDate: '1980-01-01',
  email: 'tidligere@example.no',
  registeredAt: '2026-01-05T10:00:00.000Z',
  status: 'admitted',
};
let stored = 0;

/** A course case on the server in `status`, its registration open until `deadline`, one participant admitted already. */
async function storeCourse(status: CourseDeliveryStatus, registration: Partial<RegistrationSetup> = {}): Promise<string> {
  stored += 1;
  const start = courseDeliveryStart();
  const details: CourseDeliveryDetails = {
    ...start.details,
    registration: { capacity: 20, deadline: addDays(today, 14), fields: asked, ...registration },
    participants: [earlier],
  };
  const c = { ...start, id: `course-${stored}`, caseNumber: `2026/0${stored}555`, status, details };
  await importDocuments(server.db, collection('cases'), [c], { actorId: null, action: 'test' });
  return c.id;
}

const url = (caseId: string, path = '') => `${server.url}/portal/api/courses/${caseId}${path}`;
const register = (caseId: string, body: unknown) =>
  fetch(url(caseId, '/registrations'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const participantsOf = async (caseId: string) => ((await server.app.saksflyt.steps.caseById(caseId))!.details as CourseDeliveryDetails).participants ?? [];
const refusalOf = async (response: Response) => {
  const error = syncErrorSchema.parse(await response.json());
  return { code: error.code, ...courseRegistrationRefusalSchema.parse(error.details) };
};

const registration = (email: string) => ({
  name: 'Kjærsti Ødegård-Åsheim',
  birthDate: '1979-02-03',
  email,
  phone: '+47 912 34 567',
  employer: 'Haugesund kommune',
  invoiceAddress: { name: 'Haugesund kommune', organisationNumber: '944073787', address: 'Postboks 2160, 5504 Haugesund', reference: 'EVU-2026' },
});

describe('the public course read', () => {
  it('tells the course, its price, deadline, places left and the fields asked for, and nothing of its participants', async () => {
    const caseId = await storeCourse('published');
    const response = await fetch(url(caseId));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(publicCourseSchema.strict().parse(JSON.parse(text))).toEqual({
      caseId,
      code: 'EVU-VEI-H26',
      name: 'Veiledning av studenter i praksis',
      credits: 10,
      sessions: 6,
      startDate: '2026-10-05',
      endDate: '2026-11-27',
      priceNok: 14_900,
      deadline: addDays(today, 14),
      placesLeft: 19,
      fields: asked,
      open: true,
    });
    for (const internal of [earlier.name, earlier.email, earlier.id, 'participants', 'teacher', 'assignees', 'Nordmann']) expect(text).not.toContain(internal);
  });

  it('says full when every place is taken, and closed after the deadline', async () => {
    const full = await fetch(url(await storeCourse('lmsReady', { capacity: 1 })));
    expect(publicCourseSchema.parse(await full.json())).toMatchObject({ placesLeft: 0, open: true });
    const closed = await fetch(url(await storeCourse('published', { deadline: addDays(today, -1) })));
    expect(publicCourseSchema.parse(await closed.json())).toMatchObject({ open: false });
  });

  it('is 404 for a course not taking registrations, another case or an unknown id, and 400 for a malformed id', async () => {
    const planned = await storeCourse('planned');
    const enrolled = await storeCourse('enrolled');
    for (const caseId of [planned, enrolled, 'no-such-case']) {
      const response = await fetch(url(caseId));
      expect(response.status).toBe(404);
      expect(syncErrorSchema.parse(await response.json()).code).toBe('not-found');
    }
    expect((await fetch(url('x'.repeat(65)))).status).toBe(400);
  });
});

describe('registering', () => {
  it('stores the participant on the case as registered and e-mails a receipt at once', async () => {
    const caseId = await storeCourse('published');
    const response = await register(caseId, registration('kjaersti@example.no'));
    expect(response.status).toBe(201);
    const registered = courseRegisteredSchema.parse(await response.json());
    expect(registered.status).toBe('registered');

    const participants = await participantsOf(caseId);
    expect(participants).toHaveLength(2);
    expect(participants[1]).toMatchObject({ ...registration('kjaersti@example.no'), id: registered.participantId, status: 'registered' });
    // Taken as the server's own step, audited as such.
    const audits = await server.db.query<{ detail: string }>(`SELECT detail::text AS detail FROM audit_log WHERE document_id = $1 AND action = 'server-step'`, [
      caseId,
    ]);
    expect(audits.map((audit) => JSON.parse(audit.detail) as unknown)).toEqual([{ event: 'registerParticipant' }]);

    const mail = await vi.waitFor(
      () => {
        const found = smtp.received.find((candidate) => candidate.to.includes('kjaersti@example.no'));
        if (!found) throw new Error('no receipt yet');
        return found;
      },
      { timeout: 15_000, interval: 25 },
    );
    expect(mailHeader(mail.raw, 'Subject')).toContain('Påmelding mottatt');
    const text = mailText(mail.raw);
    expect(text).toContain('Hei Kjærsti Ødegård-Åsheim');
    expect(text).toContain('EVU-VEI-H26 Veiledning av studenter i praksis');
    expect(text).toContain('5. oktober 2026 – 27. november 2026');
    expect(text).toContain('Avdelingslederen avgjør');
    expect(text).toContain('beskjed på e-post');
  });

  it('refuses a field the course asks for with 422 naming it, and stores nothing', async () => {
    const caseId = await storeCourse('published');
    const { employer: _left, ...withoutEmployer } = registration('uten.arbeidsgiver@example.no');
    const response = await register(caseId, withoutEmployer);
    expect(response.status).toBe(422);
    expect(await refusalOf(response)).toMatchObject({ refusal: 'missing-field', field: 'employer' });
    expect(await participantsOf(caseId)).toEqual([earlier]);
  });

  it('refuses after the deadline with 410', async () => {
    const caseId = await storeCourse('lmsReady', { deadline: addDays(today, -1) });
    const response = await register(caseId, registration('for.sent@example.no'));
    expect(response.status).toBe(410);
    expect(await refusalOf(response)).toMatchObject({ refusal: 'closed' });
    expect(await participantsOf(caseId)).toEqual([earlier]);
  });

  it('refuses the same address again with 409, keeping one participant and one receipt', async () => {
    const caseId = await storeCourse('published');
    expect((await register(caseId, registration('to.ganger@example.no'))).status).toBe(201);
    const again = await register(caseId, { ...registration('TO.Ganger@example.no'), name: 'Noen Andre' });
    expect(again.status).toBe(409);
    expect(await refusalOf(again)).toMatchObject({ code: 'conflict', refusal: 'already-registered' });
    expect((await participantsOf(caseId)).filter((p) => p.email.toLowerCase() === 'to.ganger@example.no')).toHaveLength(1);
    const [{ n }] = (await server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM email_outbox WHERE message LIKE '%to.ganger@example.no%'`)) as [
      { n: number },
    ];
    expect(n).toBe(1);
  });

  it('is 404 for a planned course or an unknown case, storing nothing', async () => {
    const caseId = await storeCourse('planned');
    for (const id of [caseId, 'no-such-case']) expect((await register(id, registration('planlagt@example.no'))).status).toBe(404);
    expect(await participantsOf(caseId)).toEqual([earlier]);
  });

  it('answers malformed JSON, extra keys and a wrong shape with 400, never 500', async () => {
    const caseId = await storeCourse('published');
    const send = (body: string, type = 'application/json') => fetch(url(caseId, '/registrations'), { method: 'POST', headers: { 'content-type': type }, body });
    const bodies = [
      '{"name": "Ola",',
      JSON.stringify({ ...registration('ekstra@example.no'), admitted: true }),
      JSON.stringify({ ...registration('ekstra@example.no'), invoiceAddress: { name: 'X', address: 'Y', iban: 'NO93' } }),
      JSON.stringify({ ...registration('ekstra@example.no'), birthDate: '03.02.1979' }),
      JSON.stringify({ ...registration('ekstra@example.no'), email: 'not an address' }),
      JSON.stringify([]),
      'null',
    ];
    for (const body of bodies) {
      const response = await send(body);
      expect(response.status, body).toBe(400);
      expect(syncErrorSchema.parse(await response.json()).code).toBe('bad-request');
    }
    const form = await send('name=Ola', 'application/x-www-form-urlencoded');
    expect([400, 415]).toContain(form.status);
    expect(await participantsOf(caseId)).toEqual([earlier]);
  });
});
