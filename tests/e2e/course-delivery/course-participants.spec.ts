import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { participantsTexts } from '../../../src-renderer/features/course-delivery/participants/participants-text';
import { messagesTexts } from '../../../src-renderer/features/course-delivery/messages/messages-text';
import { resultsTexts } from '../../../src-renderer/features/course-delivery/results/results-text';
import { caseTexts } from '../../../src-renderer/features/case/case-text';
import { demoUsers } from '../../../dev/demo-data';
import { courseCasePath } from '../../../src-renderer/features/course-delivery/course-delivery-path';
import { importAllOrNothing } from '../../../src-server/sync/import-documents';
import { defaultSyncCollections } from '../../../src-server/sync/sync-collections';
import { addDays, dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { CourseDeliveryDetails } from '../../../src-shared/domain/course-delivery';
import { participantStatusLabels, type RegistrationInput } from '../../../src-shared/domain/course-delivery/participants';
import { expectAccessible } from '../support/axe';
import { demoData } from '../support/demo-expectations';
import { test as demoTest } from '../support/fixtures';
import { serverDemoData, type CentralServer } from '../sync/support/central-server';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from '../sync/support/sync-fixtures';

/**
 * The head of department's side of a course's registrations, in Chromium against the real central
 * server: people register through the course's public page's API, the head sets the places, admits
 * two together and rejects one with a reason, sees the places left, is stopped before admitting
 * more than there are places, and the decisions reach the server and stay after a reload. The
 * invoicing basis downloads as Excel's CSV; the welcome letter is edited beside its preview.
 */
test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const p = participantsTexts.nb;
const m = messagesTexts.nb;
const r = resultsTexts.nb;
/** The head's (helse) course taking registrations in the server's demo data. */
const course = serverDemoData.cases.find((c) => c.type === 'courseDelivery' && c.status === 'published' && c.department === 'helse')!;
const details = course.details as CourseDeliveryDetails;
const PLACES = 3;

const person = (name: string, email: string): RegistrationInput => ({
  name,
  birthDate: '1980-04-02',
  email,
  phone: '+47 912 34 567',
  employer: 'Haugesund kommune',
  invoiceAddress: { name: 'Haugesund kommune', organisationNumber: '964338531', address: 'Postboks 2160, 5504 Haugesund', reference: 'EVU-Ø' },
});
const registrations = [
  person('Kjærsti Ødegård', 'kjaersti@example.no'),
  person('Åsmund Bø', 'asmund@example.no'),
  person('Per Hansen', 'per@example.no'),
  person('Guro Lie', 'guro@example.no'),
];
const [kjaersti, asmund, per, guro] = registrations as [RegistrationInput, RegistrationInput, RegistrationInput, RegistrationInput];

/** The course open for registration whenever the test runs, and four people registered through the public API. */
async function openWithRegistrations(server: CentralServer): Promise<void> {
  const stored = (await server.storedCase(course.id))!;
  const open = { ...stored, details: { ...details, registration: { ...details.registration!, deadline: addDays(dateOf(new Date()), 30) } } };
  const cases = defaultSyncCollections().find((candidate) => candidate.name === 'cases')!;
  await importAllOrNothing(server.db, cases, [open], { actorId: null, action: 'test' });
  for (const registration of registrations) {
    const response = await fetch(`${server.url}/portal/api/courses/${course.id}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(registration),
    });
    expect(response.status).toBe(201);
  }
}

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
const select = (page: Page, name: string) => page.getByRole('checkbox', { name: p.table.selectOne(name) }).check();
const placesBar = (page: Page, admitted: number) => page.getByRole('img', { name: p.places.bar(admitted, PLACES, PLACES - admitted) });

test('the head admits and rejects registrations in bulk within the places, downloads the invoicing basis and edits the welcome letter', async ({
  laptop,
  server,
}) => {
  expect(course, 'the server demo data has a published health course').toBeDefined();
  await openWithRegistrations(server);
  const { page } = laptop;
  await signedIn(page, 'head');
  await page.goto(`/#${courseCasePath(course.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: course.title })).toBeVisible({ timeout: SYNC_SETTLE_MS });
  const panel = page.getByTestId('course-participants');
  for (const { name } of registrations) await expect(row(page, name)).toContainText(participantStatusLabels.registered.nb, { timeout: SYNC_SETTLE_MS });
  await expect(panel.getByRole('link', { name: `${server.url}/portal/#/kurs/${course.id}` })).toBeVisible();
  await expectAccessible(page);

  // The head gives the course three places.
  await panel.getByRole('spinbutton', { name: p.setup.capacity }).fill(String(PLACES));
  await panel.getByRole('button', { name: p.setup.save }).click();
  await expect(panel.getByText(p.setup.saved)).toBeVisible();
  await expect(placesBar(page, 0)).toBeVisible();

  // Two admitted together; one rejected with a reason.
  await select(page, kjaersti.name);
  await select(page, asmund.name);
  await expect(panel.getByText(p.bulk.selected(2))).toBeVisible();
  await panel.getByRole('button', { name: p.bulk.admit }).click();
  await expect(panel.getByText(p.bulk.done(2, participantStatusLabels.admitted.nb))).toBeVisible();
  await expect(placesBar(page, 2)).toBeVisible();
  await select(page, per.name);
  await panel.getByRole('textbox', { name: p.bulk.reason }).fill('Kurset er for helsepersonell');
  await panel.getByRole('button', { name: p.bulk.reject }).click();
  await expect(row(page, per.name)).toContainText(participantStatusLabels.rejected.nb);
  await expect(row(page, per.name)).toContainText(p.table.reasonShown('Kurset er for helsepersonell'));

  // Two more would be four on three places: refused before anything is saved, saying why.
  await select(page, per.name);
  await select(page, guro.name);
  await panel.getByRole('button', { name: p.bulk.admit }).click();
  await expect(panel.getByRole('alert')).toHaveText(p.bulk.refused.overCapacity(4, PLACES));
  await expect(row(page, guro.name)).toContainText(participantStatusLabels.registered.nb);
  await expect(placesBar(page, 2)).toBeVisible();
  await expectAccessible(page);

  // The decisions reach the server, stamped by the head, and stay after a reload.
  const stored = async () => ((await server.storedCase(course.id))?.details as CourseDeliveryDetails | undefined)?.participants ?? [];
  await expect
    .poll(async () => (await stored()).map((x) => [x.name, x.status, x.decision?.by]), { timeout: SYNC_SETTLE_MS })
    .toEqual([
      [kjaersti.name, 'admitted', 'u-avdleder-helse'],
      [asmund.name, 'admitted', 'u-avdleder-helse'],
      [per.name, 'rejected', 'u-avdleder-helse'],
      [guro.name, 'registered', undefined],
    ]);
  await page.reload();
  await expect(row(page, asmund.name)).toContainText(participantStatusLabels.admitted.nb, { timeout: SYNC_SETTLE_MS });
  await expect(row(page, per.name)).toContainText(participantStatusLabels.rejected.nb);
  await expect(placesBar(page, 2)).toBeVisible();

  // The invoicing basis: the two admitted, as Norwegian Excel reads it.
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: p.invoicing.download }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`fakturagrunnlag-${details.course.code}.csv`);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).trimEnd().split('\r\n');
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe(Object.values(p.invoicing.columns).join(';'));
  expect(lines[1]).toBe(
    `Kjærsti Ødegård;kjaersti@example.no;"'+47 912 34 567";Haugesund kommune;Haugesund kommune;964338531;Postboks 2160, 5504 Haugesund;EVU-Ø;${details.course.code};${details.course.priceNok}`,
  );
  expect(lines[2]).toContain('Åsmund Bø;asmund@example.no;');

  // The welcome letter: an unknown placeholder is refused at its field; the preview follows the text.
  const welcome = page.getByTestId('course-message-welcome');
  const subject = welcome.getByRole('textbox', { name: m.subject });
  await subject.fill('Velkommen, {navn}, til {kurs} {ukjent}');
  await welcome.getByRole('button', { name: m.save }).click();
  await expect(subject).toHaveAccessibleDescription(m.errors.unknown('{ukjent}'));
  await subject.fill('Velkommen, {navn}, til {kurs}');
  await expect(welcome.getByTestId('course-message-preview-subject')).toHaveText(`Velkommen, ${m.exampleName}, til ${details.course.name}`);
  await welcome.getByRole('button', { name: m.save }).click();
  await expect(welcome.getByText(m.saved(m.kinds.welcome))).toBeVisible();
  await expectAccessible(page);
  await expect
    .poll(async () => ((await server.storedCase(course.id))?.details as CourseDeliveryDetails).messages?.welcome?.subject, { timeout: SYNC_SETTLE_MS })
    .toBe('Velkommen, {navn}, til {kurs}');
});

/** On the app's own demo data (no server): an evaluated course with its LMS course, its teaching resource and head of department. */
const DEMO_CASES = 300;
const evaluated = demoData(DEMO_CASES).cases.find((c) => c.type === 'courseDelivery' && c.status === 'evaluated')!;
const teacher = (evaluated?.details as CourseDeliveryDetails | undefined)?.teachingResource.userId;
const head = demoUsers().find((user) => user.roles.includes('departmentHead') && user.scope.departments.includes(evaluated?.department))!;
const csvFile = (lines: string[]) => ({ name: 'bestattliste.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') });

demoTest('the teaching resource asks the LMS for the grades and uploads the pass list; a bad list is refused whole; the head sees it', async ({ page }) => {
  expect(evaluated, 'the demo data has an evaluated course').toBeDefined();
  await page.goto(`/?demoCases=${DEMO_CASES}#${courseCasePath(evaluated.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: evaluated.title })).toBeVisible({ timeout: SYNC_SETTLE_MS });
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(teacher!);
  const panel = page.getByTestId('course-results');
  await expect(panel).toContainText(r.none);

  await panel.getByRole('button', { name: r.lms.fetch }).click();
  await expect(panel.getByText(r.lms.done)).toBeVisible();
  await expect(panel).toContainText(r.lms.requested('').replace(/\s*\.$/, ''));

  // A list with a bad row saves nothing, and says which row and why.
  const file = panel.getByLabel(r.upload.file);
  await file.setInputFiles(csvFile(['e-post;navn;resultat', 'ase@example.no;Åse Ødegård;bestått', 'per@example.no;Per Ås;kanskje']));
  await panel.getByRole('button', { name: r.upload.submit }).click();
  await expect(panel.getByRole('alert')).toContainText(r.upload.problem({ row: 3, code: 'result', value: 'kanskje' }));
  await expect(panel).toContainText(r.none);
  await expectAccessible(page);

  await file.setInputFiles(csvFile(['e-post;navn;resultat', 'ase@example.no;Åse Ødegård;bestått', 'per@example.no;Per Ås;ikke bestått']));
  await panel.getByRole('button', { name: r.upload.submit }).click();
  await expect(panel.getByText(r.upload.saved(2))).toBeVisible();
  await expect(panel.getByRole('alert')).toHaveCount(0);

  // The head sees the pass list: nobody was admitted on the demo course, so both results match no participant.
  await page.getByRole('combobox', { name: caseTexts.nb.actingUser.label }).selectOption(head.userId);
  const passList = page.getByTestId('course-pass-list');
  await expect(passList.locator('[data-group="unmatched"]')).toContainText(r.passList.unmatched(2));
  await expect(passList.locator('[data-group="unmatched"]')).toContainText('Åse Ødegård (ase@example.no)');
  await expect(passList.locator('[data-group="passed"]')).toContainText(r.passList.passed(0));
  await expect(panel.getByRole('button', { name: r.lms.fetch })).toHaveCount(0);
  await expectAccessible(page);
});
