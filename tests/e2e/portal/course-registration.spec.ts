import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { CourseDeliveryDetails } from '../../../src-shared/domain/course-delivery';
import { en } from '../../../src-portal/i18n/en';
import { nb } from '../../../src-portal/i18n/nb';
import { mailHeader, mailText, startSmtpStandIn, type SmtpStandIn } from '../../stand-ins/smtp-server';
import { expectAccessible } from '../support/axe';
import { serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';

/**
 * A course's public registration page in Chromium against the real central server with the demo
 * data and a real SMTP server, without signing in: the course's facts, the form with its errors at
 * the fields, a registration with a name with æøå, the receipt on the page and by e-mail, the
 * participant on the case; the same address again refused at its field. Every state axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const course = serverDemoData.cases.find((c) => c.type === 'courseDelivery' && (c.status === 'published' || c.status === 'lmsReady'))!;
const details = course.details as CourseDeliveryDetails;
const f = nb.course.form;
const email = 'kjaersti.odegard@haugesund.example.no';

let server: CentralServer;
let smtp: SmtpStandIn;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-course-registration-e2e-'));
  smtp = await startSmtpStandIn();
  server = await startCentralServer(dataDir, { smtp: { url: smtp.url, from: 'Saksflyt <saksflyt@hvl.example.no>', pollMs: 50 } });
  // The demo's deadline follows the demo's "now": keep the registration open whenever the test runs.
  const stored = (await server.storedCase(course.id))!;
  const open = { ...stored, details: { ...details, registration: { ...details.registration!, deadline: addDays(dateOf(new Date()), 30) } } };
  const cases = defaultSyncCollections().find((candidate) => candidate.name === 'cases')!;
  await importAllOrNothing(server.db, cases, [open], { actorId: null, action: 'test' });
});
test.afterAll(async () => {
  await server?.close();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function fillRegistration(page: Page, name: string) {
  await page.getByLabel(f.name).fill(name);
  await page.getByLabel(f.birthDate).fill('1979-02-03');
  await page.getByLabel(f.email).fill(email);
  await page.getByLabel('Telefon').fill('+47 912 34 567');
  await page.getByLabel('Arbeidsgiver').fill('Haugesund kommune');
  await page.getByLabel(f.invoiceName).fill('Haugesund kommune');
  await page.getByLabel(f.invoiceAddressLine, { exact: true }).fill('Postboks 2160, 5504 Haugesund');
}

test('anyone registers for a published course and gets the receipt on the page and by e-mail', async ({ page }) => {
  await page.goto(`${server.url}/portal/#/kurs/${course.id}`);
  await expect(page.getByRole('heading', { level: 1, name: details.course.name })).toBeVisible();
  await expect(page.getByText(details.course.code, { exact: true })).toBeVisible();
  await expect(page.getByText(nb.course.priceValue(details.course.priceNok))).toBeVisible();
  await expectAccessible(page);

  // Sent empty: each field the course asks for says so, linked to its input.
  await page.getByRole('button', { name: f.submit }).click();
  for (const label of [f.name, 'Arbeidsgiver', f.invoiceName]) await expect(page.getByLabel(label)).toHaveAccessibleDescription(f.required);
  await expect(page.getByLabel(f.name)).toBeFocused();
  await expect(page.getByLabel(f.organisationNumber)).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await fillRegistration(page, 'Kjærsti Ødegård-Åsheim');
  await page.getByRole('button', { name: f.submit }).click();
  await expect(page.getByRole('heading', { name: nb.course.received })).toBeFocused();
  await expect(page.getByText(nb.course.decides)).toBeVisible();
  await expect(page.getByRole('button', { name: f.submit })).toHaveCount(0);
  await expectAccessible(page);

  await expect.poll(() => smtp.received.filter((mail) => mail.to.includes(email)).length, { timeout: 15_000 }).toBe(1);
  const receipt = smtp.received.find((mail) => mail.to.includes(email))!;
  expect(mailHeader(receipt.raw, 'Subject')).toContain(details.course.code);
  expect(mailText(receipt.raw)).toContain('Hei Kjærsti Ødegård-Åsheim');
  const participants = ((await server.storedCase(course.id))!.details as CourseDeliveryDetails).participants ?? [];
  expect(participants.filter((p) => p.email === email)).toMatchObject([
    { name: 'Kjærsti Ødegård-Åsheim', status: 'registered', employer: 'Haugesund kommune' },
  ]);
});

test('the same address again is refused at its field, and nothing more is stored or sent', async ({ page }) => {
  await page.goto(`${server.url}/portal/#/kurs/${course.id}`);
  await fillRegistration(page, 'Kjærsti Ødegård');
  await page.getByRole('button', { name: f.submit }).click();
  await expect(page.getByLabel(f.email)).toHaveAccessibleDescription(new RegExp(nb.course.refused['already-registered']));
  await expect(page.getByRole('heading', { name: nb.course.received })).toHaveCount(0);
  await expectAccessible(page);
  const participants = ((await server.storedCase(course.id))!.details as CourseDeliveryDetails).participants ?? [];
  expect(participants.filter((p) => p.email === email)).toHaveLength(1);
  expect(smtp.received.filter((mail) => mail.to.includes(email))).toHaveLength(1);
});

test('a course not taking registrations is said plainly, in either language', async ({ page }) => {
  const enrolled = serverDemoData.cases.find((c) => c.type === 'courseDelivery' && c.status === 'enrolled')!;
  await page.goto(`${server.url}/portal/#/kurs/${enrolled.id}`);
  await expect(page.getByText(nb.course.notFound)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(nb.language).selectOption('en');
  await expect(page.getByText(en.course.notFound)).toBeVisible();
});
