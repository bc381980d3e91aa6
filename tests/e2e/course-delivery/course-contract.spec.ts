import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { secretsFilePath } from '../../../src-main/services/compose-services';
import { createPlainFileSecureStore } from '../../../src-main/services/secure-store/plain-file-secure-store';
import { demoUsers } from '../../../dev/demo-data';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { contractTexts } from '../../../src-renderer/features/course-delivery/contract/contract-text';
import { courseDeliveryTexts } from '../../../src-renderer/features/course-delivery/course-delivery-text';
import { newCourseTexts } from '../../../src-renderer/features/course-delivery/new-course/new-course-text';
import { participantsTexts } from '../../../src-renderer/features/course-delivery/participants/participants-text';
import { followUpTexts } from '../../../src-renderer/features/follow-up/follow-up-text';
import { COURSE_CONTRACT_TITLE } from '../../../src-shared/documents/course-contract.schema';
import { openSealedFile, pdfsig, pdfText } from '../../integration/documents/tools';
import { P360_REQUIRED_SETTINGS, startP360SifStandIn, type P360SifStandIn } from '../../stand-ins/p360-sif-server';
import { expectAccessible } from '../support/axe';
import { test as base, expect } from '../support/fixtures';

const CASES = 10;
const SEEDING_TIMEOUT_MS = 30_000;
const P360_KEY = 'p360-course-e2e-key';
const t = contractTexts.nb;
const plan = newCourseTexts.nb;
const head = demoUsers().find((user) => user.userId === 'u-avdleder-helse')!;
const teacher = demoUsers().find((user) => user.userId === 'u-laerer-helse-1')!;
/** The course the department head plans (a spring course: the term is V26). */
const course = {
  code: 'EVU-SAM-V26',
  name: 'Samtaler med pårørende',
  credits: '7.5',
  sessions: '5',
  startDate: '2026-05-04',
  endDate: '2026-06-12',
  price: '9900',
};
const title = `Kursgjennomføring – ${course.name} (V26)`;

/** The test's data folder gets a documents.json pointing at its own P360 stand-in. */
const test = base.extend<{ p360: P360SifStandIn }>({
  // Playwright reads fixture dependencies from the destructuring pattern: this one has none.
  // eslint-disable-next-line no-empty-pattern
  p360: async ({}, use) => {
    const p360 = await startP360SifStandIn({ authKey: P360_KEY });
    await use(p360);
    await p360.close();
  },
  dataDir: async ({ dataDir, p360 }, use) => {
    await writeFile(
      join(dataDir, 'documents.json'),
      JSON.stringify({ archive: { p360: { baseUrl: p360.url, authKeySecret: 'p360.key', ...P360_REQUIRED_SETTINGS } } }),
    );
    await createPlainFileSecureStore(secretsFilePath(dataDir)).set('p360.key', P360_KEY);
    await use(dataDir);
  },
});

async function actAs(page: Page, userId: string): Promise<void> {
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(userId);
}

test('a new course planned by the head: its contract previewed, signed on screen by the teaching resource, countersigned and filed in P360', async ({
  page,
  dataDir,
  p360,
}) => {
  test.setTimeout(120_000);
  // The department head plans the course on "Mine kurs".
  await page.goto(`/?demoCases=${CASES}#/kurs`);
  await expect(page.getByRole('heading', { level: 1, name: courseDeliveryTexts.nb.overview.title })).toBeVisible({ timeout: SEEDING_TIMEOUT_MS });
  await actAs(page, teacher.userId);
  await expect(page.getByRole('link', { name: courseDeliveryTexts.nb.overview.newCourse })).toHaveCount(0);
  await actAs(page, head.userId);
  await page.getByRole('link', { name: courseDeliveryTexts.nb.overview.newCourse }).click();
  await expect(page.getByRole('heading', { level: 1, name: plan.title })).toBeVisible();
  await page.getByRole('textbox', { name: plan.code }).fill(course.code);
  await page.getByRole('textbox', { name: plan.name }).fill(course.name);
  await page.getByRole('spinbutton', { name: plan.credits }).fill(course.credits);
  await page.getByRole('spinbutton', { name: plan.sessions }).fill(course.sessions);
  await page.getByLabel(plan.startDate).fill(course.startDate);
  await page.getByLabel(plan.endDate).fill('2026-05-01');
  await page.getByRole('spinbutton', { name: plan.priceNok }).fill(course.price);
  await page.getByRole('combobox', { name: plan.teacher }).selectOption(teacher.userId);
  await page.getByRole('button', { name: plan.submit }).click();
  // Refused on its field: the end is before the start.
  await expect(page.getByLabel(plan.endDate)).toHaveAccessibleDescription(new RegExp(plan.errors.endBeforeStart));
  await expectAccessible(page);
  await page.getByLabel(plan.endDate).fill(course.endDate);
  await page.getByRole('checkbox', { name: plan.withRegistration }).check();
  // The usual set-up: registration closing three weeks before the start.
  await expect(page.getByLabel(participantsTexts.nb.setup.deadline)).toHaveValue('2026-04-13');
  await expectAccessible(page);
  await page.getByRole('button', { name: plan.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const panel = page.getByRole('region', { name: t.heading });

  // The head sends the contract to the teaching resource.
  await panel.getByRole('button', { name: t.send.button }).click();
  await expect(panel.getByRole('status')).toContainText(t.outcome.signatureRequested);
  await actAs(page, teacher.userId);
  await expect(panel.getByText(t.waitingForSignature(teacher.name))).toBeVisible();
  await panel.getByRole('button', { name: t.preview }).click();
  await expect(panel.locator(`iframe[title="${t.previewTitle}"]`)).toBeVisible();
  await expect(panel.getByRole('heading', { name: t.sign.heading(teacher.name) })).toBeVisible();
  await expectAccessible(page);
  // The typed name as signature; the pad is drawn again should the form be rendered anew meanwhile (a late replica update).
  const signButton = panel.getByRole('button', { name: t.sign.button });
  await expect(async () => {
    if (await signButton.isDisabled()) await panel.getByRole('button', { name: followUpTexts.nb.signature.useTyped }).click();
    await expect(signButton).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await signButton.click();
  await expect(panel.getByText(t.waitingForCountersignature)).toBeVisible();

  await actAs(page, head.userId);
  // The contract is filed in the course's own case folder: nobody's national ID is asked for.
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await panel.getByRole('button', { name: t.countersign.button }).click();
  await expect(panel.getByText(/Kontrasignert og arkivert/)).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('Kontrakten er sendt til arkivering');
  await panel.getByRole('button', { name: t.showSigned }).click();
  await expect(panel.locator(`iframe[title="${t.signedTitle}"]`)).toBeVisible();
  await expectAccessible(page);

  // The kept PDF (sealed in the data folder, opened as the app does): the drawn signature placed in it, the head's countersignature valid over all of it.
  const [file] = (await readdir(join(dataDir, 'documents'))).filter((name) => name.endsWith('.pdf'));
  const pdf = await openSealedFile(dataDir, 'documents', file!);
  expect(await pdfsig(pdf)).toMatchObject([{ valid: true, coversAll: true }]);
  const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
  expect(text).toContain(teacher.name);
  expect(text).toContain(course.name);
  expect(text).toContain('Signert på skjerm');

  // P360 got the countersigned contract as an outgoing document in a case of the course, not a Studentmappe.
  await expect.poll(() => p360.documents.length, { timeout: 15_000 }).toBe(1);
  expect(p360.cases).toEqual([expect.objectContaining({ CaseType: 'Sak', Title: title, ArchiveCodes: [] })]);
  expect(p360.documents[0]?.parameter).toMatchObject({
    Title: `${COURSE_CONTRACT_TITLE} – ${course.code} ${course.name}`,
    Category: 'Dokument ut',
    UnregisteredContacts: [{ Role: 'Mottaker', ContactName: teacher.name, Email: teacher.email }],
  });
  expect(p360.documents[0]?.files[0]?.bytes.equals(pdf)).toBe(true);
  expect(JSON.stringify(p360.requests.map(({ parameter: { Files: _files, ...rest } }) => rest))).not.toMatch(/(?<!\d)\d{11}(?!\d)/);
});
