import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoUsers } from '../../../dev/demo-data';
import { certificateDocumentId } from '../../../src-main/case-types/course-delivery/certificate-batch';
import { addUser } from '../../../src-server/auth/accounts';
import { canvasAdapter } from '../../../src-server/case-types/course-delivery/lms/canvas.adapter';
import { participantMailAdapter } from '../../../src-server/case-types/course-delivery/participant-mail/participant-mail.adapter';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { certificatesTexts } from '../../../src-renderer/features/course-delivery/certificates/certificates-text';
import { courseDeliveryTexts } from '../../../src-renderer/features/course-delivery/course-delivery-text';
import { courseCasePath } from '../../../src-renderer/features/course-delivery/course-delivery-path';
import { participantsTexts } from '../../../src-renderer/features/course-delivery/participants/participants-text';
import { resultsTexts } from '../../../src-renderer/features/course-delivery/results/results-text';
import { stepsTexts } from '../../../src-renderer/features/course-delivery/steps/steps-text';
import { nb as portal } from '../../../src-portal/i18n/nb';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import { courseDeliveryWorkflow, type CourseDeliveryDetails } from '../../../src-shared/domain/course-delivery';
import { participantStatusLabels } from '../../../src-shared/domain/course-delivery/participants';
import { pdfsig, pdfText } from '../../integration/documents/tools';
import { startCanvasStandIn, type CanvasStandIn } from '../../stand-ins/canvas-server';
import { mailHeader, mailText, pdfAttachment, startSmtpStandIn, type ReceivedMail, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { DEMO_PASSWORD, serverDemoData, startCentralServer } from '../sync/support/central-server';
import { signedIn, signedInWith } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, test as syncTest, type Laptop } from '../sync/support/sync-fixtures';

/**
 * Issue 13's walk-through of a further-education course, in Chromium against the real central
 * server, a real SMTP server and the Canvas stand-in: a participant registers on the course's page
 * in the portal and gets the receipt; two more register; the head of department admits two in bulk
 * and rejects one, and each is told by e-mail; the consultant creates the LMS course (the server
 * makes it in Canvas with the teaching resource enrolled) and enrols the admitted (enrolled in
 * Canvas, welcomed by e-mail); the course runs and is evaluated; the grades come back from Canvas
 * as the pass list; the teaching resource records the grading; the head writes the certificate
 * text; the consultant makes and sends the certificates — interrupted when the server goes away,
 * resumed once it is back — sealed (pdfsig) with the participant's name and the course (pdftotext),
 * to those who passed, once each. Every page axe clean. (The contract and the timeline's overdue
 * steps have their own specs.)
 */
syncTest.describe.configure({ mode: 'serial', timeout: 300_000 });

const CANVAS_TOKEN = 'canvas-walkthrough-token';
const CANVAS_ACCOUNT = '1';
const test = syncTest.extend<{ smtp: SmtpStandIn; canvas: CanvasStandIn }>({
  // eslint-disable-next-line no-empty-pattern
  smtp: async ({}, use) => {
    const smtp = await startSmtpStandIn();
    await use(smtp);
    await smtp.close();
  },
  // eslint-disable-next-line no-empty-pattern
  canvas: async ({}, use) => {
    const canvas = await startCanvasStandIn({ token: CANVAS_TOKEN, accountId: CANVAS_ACCOUNT });
    await use(canvas);
    await canvas.close();
  },
  server: async ({ smtp, canvas }, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-course-'));
    const server = await startCentralServer(dir, {
      smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50 },
      jobs: {
        pollMs: 200,
        adapters: ({ db, log, email }) => ({
          canvas: canvasAdapter({ url: canvas.url, token: CANVAS_TOKEN, accountId: CANVAS_ACCOUNT }, { db }),
          web: participantMailAdapter({ email, log, canvasUrl: canvas.url }),
        }),
      },
    });
    await use(server);
    await server.close();
    await rm(dir, { recursive: true, force: true });
  },
});

const steps = stepsTexts.nb;
const page_ = courseDeliveryTexts.nb.page;
const p = participantsTexts.nb;
const r = resultsTexts.nb;
const c = certificatesTexts.nb;
const label = (event: string) => courseDeliveryWorkflow.eventLabel(event)!.nb;
const today = dateOf(new Date());

/** The health department's published course of the server's demo data, run from today for two weeks. */
const course = serverDemoData.cases.find(
  (candidate) => candidate.type === 'courseDelivery' && candidate.status === 'published' && candidate.department === 'helse',
)!;
const details = course.details as CourseDeliveryDetails;
const teacher = demoUsers().find((user) => user.userId === details.teachingResource.userId)!;
const consultant = demoUsers().find((user) => user.roles.includes('operationsConsultant'))!;

const registrant = (name: string, email: string) => ({
  name,
  birthDate: '1980-04-02',
  email,
  phone: '+47 912 34 567',
  employer: 'Haugesund kommune',
  invoiceAddress: { name: 'Haugesund kommune', organisationNumber: '964338531', address: 'Postboks 2160, 5504 Haugesund', reference: 'EVU' },
});
const kjaersti = registrant('Kjærsti Ødegård', 'kjaersti.odegard@haugesund.example.no');
const asmund = registrant('Åsmund Bø', 'asmund.bo@haugesund.example.no');
const per = registrant('Per Hansen', 'per.hansen@haugesund.example.no');

const mailsTo = (smtp: SmtpStandIn, email: string): ReceivedMail[] => smtp.received.filter((mail) => mail.to.includes(email));
const subjectOf = (mail: ReceivedMail) => mailHeader(mail.raw, 'subject') ?? '';
const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

async function openCourse(page: Page): Promise<void> {
  await page.goto(`/#${courseCasePath(course.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible({ timeout: SYNC_SETTLE_MS });
}

/** A step's form, opened under its name in the next steps. */
async function stepForm(page: Page, event: string) {
  const region = page.getByRole('region', { name: page_.steps });
  await region.getByText(steps.open(label(event))).click();
  return region.getByRole('form', { name: label(event) });
}

async function stepDone(page: Page, event: string): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: page_.done(label(event)) })).toBeVisible({ timeout: SYNC_SETTLE_MS });
}

test('a course from the public registration to the certificates in the participants’ hands', async ({ server, newLaptop, smtp, canvas }) => {
  expect(course, 'the server demo data has a published health course').toBeDefined();
  const stored = async () => (await server.storedCase(course.id))!.details as CourseDeliveryDetails;

  // The course runs from today for two weeks, and takes registrations for a month.
  const open = {
    ...(await server.storedCase(course.id))!,
    details: {
      ...details,
      course: { ...details.course, startDate: today, endDate: addDays(today, 14) },
      registration: { ...details.registration!, deadline: addDays(today, 30) },
    },
  };
  const cases = defaultSyncCollections().find((collection) => collection.name === 'cases')!;
  await importAllOrNothing(server.db, cases, [open], { actorId: null, action: 'test' });
  for (const user of [teacher, consultant]) {
    await addUser(server.db, { ...user, id: user.userId, username: user.userId, password: DEMO_PASSWORD, email: user.email ?? '' });
  }
  canvas.addUser({ name: teacher.name, login_id: teacher.email! });
  const laptops: Record<string, Laptop> = {};

  await test.step('a participant registers on the course’s page in the portal and gets the receipt; two more register', async () => {
    const { page } = (laptops.public = await newLaptop());
    const f = portal.course.form;
    await page.goto(`${server.url}/portal/#/kurs/${course.id}`);
    await expect(page.getByRole('heading', { level: 1, name: details.course.name })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel(f.name).fill(kjaersti.name);
    await page.getByLabel(f.birthDate).fill(kjaersti.birthDate);
    await page.getByLabel(f.email).fill(kjaersti.email);
    await page.getByLabel('Telefon').fill(kjaersti.phone);
    await page.getByLabel('Arbeidsgiver').fill(kjaersti.employer);
    await page.getByLabel(f.invoiceName).fill(kjaersti.invoiceAddress.name);
    await page.getByLabel(f.invoiceAddressLine, { exact: true }).fill(kjaersti.invoiceAddress.address);
    await page.getByRole('button', { name: f.submit }).click();
    await expect(page.getByText(portal.course.received)).toBeVisible();
    await expectAccessible(page);
    await expect.poll(() => mailsTo(smtp, kjaersti.email).length, { timeout: SYNC_SETTLE_MS }).toBe(1);
    expect(mailText(mailsTo(smtp, kjaersti.email)[0]!.raw)).toContain(`Hei ${kjaersti.name},`);
    for (const person of [asmund, per]) {
      const response = await fetch(`${server.url}/portal/api/courses/${course.id}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(person),
      });
      expect(response.status).toBe(201);
    }
  });

  const head = (laptops.head = await newLaptop());
  await test.step('the head admits two in bulk and rejects one; each is told by e-mail', async () => {
    const { page } = head;
    await signedIn(page, 'head');
    await openCourse(page);
    const panel = page.getByTestId('course-participants');
    for (const { name } of [kjaersti, asmund, per])
      await expect(row(page, name)).toContainText(participantStatusLabels.registered.nb, { timeout: SYNC_SETTLE_MS });
    await expectAccessible(page);
    await panel.getByRole('checkbox', { name: p.table.selectOne(kjaersti.name) }).check();
    await panel.getByRole('checkbox', { name: p.table.selectOne(asmund.name) }).check();
    await panel.getByRole('button', { name: p.bulk.admit }).click();
    await expect(panel.getByText(p.bulk.done(2, participantStatusLabels.admitted.nb))).toBeVisible();
    await panel.getByRole('checkbox', { name: p.table.selectOne(per.name) }).check();
    await panel.getByRole('textbox', { name: p.bulk.reason }).fill('Kurset er for helsepersonell');
    await panel.getByRole('button', { name: p.bulk.reject }).click();
    await expect(row(page, per.name)).toContainText(participantStatusLabels.rejected.nb);
    await expect
      .poll(async () => (await stored()).participants?.map((x) => x.status), { timeout: SYNC_SETTLE_MS })
      .toEqual(['admitted', 'admitted', 'rejected']);
    // Each has the receipt and now the decision.
    for (const person of [kjaersti, asmund, per]) await expect.poll(() => mailsTo(smtp, person.email).length, { timeout: SYNC_SETTLE_MS }).toBe(2);
    expect(mailText(mailsTo(smtp, per.email).at(-1)!.raw)).toContain('Kurset er for helsepersonell');
  });

  const office = (laptops.office = await newLaptop());
  await test.step('the consultant creates the LMS course — the server makes it in Canvas with the teacher — and enrols the admitted, who are welcomed', async () => {
    const { page } = office;
    await signedInWith(page, consultant.userId);
    await openCourse(page);
    const lms = await stepForm(page, 'prepareLms');
    await lms.getByRole('textbox', { name: steps.fields.prepareLms.videoRoomUrl.label }).fill('https://hvl.zoom.us/j/93456781234');
    await lms.getByRole('button', { name: label('prepareLms') }).click();
    await stepDone(page, 'prepareLms');
    await expect.poll(async () => (await stored()).lms?.canvasCourseId, { timeout: SYNC_SETTLE_MS }).toBeDefined();
    expect(canvas.courses).toHaveLength(1);
    const canvasCourse = canvas.courses[0]!;
    expect(String(canvasCourse.id)).toBe((await stored()).lms?.canvasCourseId);
    expect(canvas.enrollments.filter((e) => e.course_id === canvasCourse.id).map((e) => e.type)).toEqual(['TeacherEnrollment']);

    const enrol = await stepForm(page, 'enrol');
    await expect(enrol.getByRole('spinbutton', { name: steps.fields.enrol.participants.label })).toHaveValue('2');
    await enrol.getByRole('button', { name: label('enrol') }).click();
    await stepDone(page, 'enrol');
    await expect
      .poll(() => canvas.enrollments.filter((e) => e.course_id === canvasCourse.id && e.type === 'StudentEnrollment').length, { timeout: SYNC_SETTLE_MS })
      .toBe(2);
    for (const person of [kjaersti, asmund]) {
      await expect
        .poll(() => mailsTo(smtp, person.email).some((mail) => subjectOf(mail).includes(details.course.name) && mailText(mail.raw).includes('Canvas')), {
          timeout: SYNC_SETTLE_MS,
        })
        .toBe(true);
    }
    expect(mailsTo(smtp, per.email).some((mail) => mailText(mail.raw).includes('Canvas'))).toBe(false);
    await expectAccessible(page);
  });

  await test.step('the course runs and is evaluated; the grades come back from Canvas as the pass list', async () => {
    const { page } = office;
    await page
      .getByRole('region', { name: page_.steps })
      .getByRole('button', { name: label('start') })
      .click();
    await stepDone(page, 'start');
    const evaluation = await stepForm(page, 'evaluate');
    await evaluation.getByRole('spinbutton', { name: steps.fields.evaluate.responseRate.label }).fill('80');
    await evaluation.getByRole('textbox', { name: steps.fields.evaluate.findings.label }).fill('Deltakerne ønsker mer tid til praktiske øvelser.');
    await evaluation.getByRole('button', { name: label('evaluate') }).click();
    await stepDone(page, 'evaluate');

    const canvasCourse = canvas.courses[0]!;
    canvas.setGrades(canvasCourse.id, kjaersti.email, { final_score: 86, final_grade: 'Bestått' });
    canvas.setGrades(canvasCourse.id, asmund.email, { final_score: 20, final_grade: 'Ikke bestått' });
    const results = page.getByTestId('course-results');
    await results.getByRole('button', { name: r.lms.fetch }).click();
    await expect
      .poll(async () => (await stored()).results?.entries.map((entry) => [entry.email, entry.result]), { timeout: SYNC_SETTLE_MS })
      .toEqual([
        [kjaersti.email, 'passed'],
        [asmund.email, 'failed'],
      ]);
    const passList = page.getByTestId('course-pass-list');
    await expect(passList.locator('[data-group="passed"]')).toContainText(r.passList.passed(1), { timeout: SYNC_SETTLE_MS });
    await expect(passList.locator('[data-group="passed"]')).toContainText(kjaersti.name);
    await expectAccessible(page);
  });

  await test.step('the teaching resource records the grading, agreeing with the results', async () => {
    const { page } = (laptops.teacher = await newLaptop());
    await signedInWith(page, teacher.userId);
    await openCourse(page);
    const grade = await stepForm(page, 'grade');
    await expect(grade.getByRole('spinbutton', { name: steps.fields.grade.passed.label, exact: true })).toHaveValue('1');
    await expect(grade.getByRole('spinbutton', { name: steps.fields.grade.failed.label })).toHaveValue('1');
    await grade.getByRole('button', { name: label('grade') }).click();
    await stepDone(page, 'grade');
    await expect.poll(async () => (await server.storedCase(course.id))?.status, { timeout: SYNC_SETTLE_MS }).toBe('graded');
  });

  await test.step('the head writes the certificate text', async () => {
    const { page } = head;
    await openCourse(page);
    const certificates = page.getByRole('region', { name: c.heading });
    await certificates.getByRole('textbox', { name: c.text.label }).fill('Kurset gir kompetanse i veiledning av studenter i praksis.');
    await certificates.getByRole('button', { name: c.text.save }).click();
    await expect(certificates.getByText(c.text.saved)).toBeVisible();
    await expect.poll(async () => (await stored()).certificateText?.text, { timeout: SYNC_SETTLE_MS }).toContain('veiledning');
  });

  await test.step('the consultant makes and sends the certificates: sealed, with the name and the course, to the one who passed, once', async () => {
    const { page } = office;
    await openCourse(page);
    const issue = page.getByRole('button', { name: c.issue(1) });
    await expect(issue).toBeEnabled({ timeout: SYNC_SETTLE_MS });
    await expectAccessible(page);
    // The batch is interrupted: the server goes away while the certificate is made, so it cannot be e-mailed.
    for (const laptop of Object.values(laptops)) laptop.expectFailedRequests(server.url);
    await server.stop();
    await issue.click();
    await expect(page.getByRole('alert').filter({ hasText: c.failed('').trim() })).toBeVisible({ timeout: SYNC_SETTLE_MS });
    await server.start();
    await page.getByRole('button', { name: c.retry }).click();
    await expect(page.getByText(c.finished(1))).toBeVisible({ timeout: SYNC_SETTLE_MS });
    await expect(page.getByText(c.stepTaken)).toBeVisible({ timeout: SYNC_SETTLE_MS });
    await expect.poll(async () => (await server.storedCase(course.id))?.status, { timeout: SYNC_SETTLE_MS }).toBe('certificatesSent');

    const withPdf = (email: string) => mailsTo(smtp, email).filter((mail) => mail.raw.includes('application/pdf'));
    // Resumed without a second certificate or e-mail: one of each, and one archive entry (below).
    await expect.poll(() => withPdf(kjaersti.email).length, { timeout: SYNC_SETTLE_MS }).toBe(1);
    const pdf = pdfAttachment(withPdf(kjaersti.email)[0]!.raw);
    const text = await pdfText(pdf);
    expect(text).toContain(kjaersti.name);
    expect(text).toContain(details.course.name);
    expect(await pdfsig(pdf)).toEqual([expect.objectContaining({ valid: true, coversAll: true })]);
    expect(withPdf(asmund.email)).toHaveLength(0);
    // Handed to the laptop's archive (here the Noark 5 export, in the course's case folder: the participant has no national ID).
    const participantId = (await stored()).participants!.find((x) => x.email === kjaersti.email)!.id;
    const archiveEntries = async () => {
      const listed = await fetch(new URL('rpc/archive:list', office.host.url), { method: 'POST' });
      return ((await listed.json()) as { value: { documentId?: string; status: string }[] }).value;
    };
    await expect
      .poll(
        async () =>
          (await archiveEntries()).filter((entry) => entry.documentId === certificateDocumentId(course.id, participantId)).map((entry) => entry.status),
        {
          timeout: SYNC_SETTLE_MS,
        },
      )
      .toEqual(['archived']);
    await expectAccessible(page);
  });
});
