import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nominationStatusLabels, nominationTerminalStatuses, type NominationDetails } from '../../../src-shared/domain/nomination/nomination.schema';
import { en } from '../../../src-portal/i18n/en';
import { nb } from '../../../src-portal/i18n/nb';
import { expectAccessible } from '../support/axe';
import { accounts, actorOf, DEMO_PASSWORD, serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';

/**
 * The external portal in Chromium against the real central server with the demo data: a partner's
 * nominator signs in, sees exactly the partner's nominations and offers, switches to English and
 * signs out; staff are turned away; every page is axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: CentralServer;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-portal-e2e-'));
  server = await startCentralServer(dataDir);
});
test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const partnerId = actorOf('nominator').scope.partners[0]!;
const ownNominations = serverDemoData.cases
  .filter((c) => c.type === 'nomination' && c.cohort === partnerId)
  .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
const ownOffers = serverDemoData.offers.filter((o) => o.partnerId === partnerId);

async function signIn(page: Page, username: string) {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel(nb.signIn.username).fill(username);
  await page.getByLabel(nb.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: nb.signIn.submit }).click();
}

/** The body rows of a table, each row's cells as text. */
async function rowsOf(page: Page, testId: string): Promise<string[][]> {
  const rows = await page.getByTestId(testId).locator('tbody tr').all();
  return Promise.all(rows.map((row) => row.locator('td').allTextContents()));
}

test('a nominator signs in, sees exactly the partner’s nominations and offers, in Norwegian and English', async ({ page }) => {
  expect(ownNominations.length).toBeGreaterThan(0);
  await page.goto(`${server.url}/portal/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page).toHaveTitle(`${nb.signIn.title} – ${nb.appName}`);
  await expectAccessible(page);

  await page.getByRole('button', { name: nb.signIn.submit }).click();
  await expect(page.getByRole('alert')).toHaveText(nb.signIn.required);
  await page.getByLabel(nb.signIn.username).fill(accounts.nominator.username);
  await page.getByLabel(nb.signIn.password).fill('not the password');
  await page.getByRole('button', { name: nb.signIn.submit }).click();
  await expect(page.getByRole('alert')).toHaveText(nb.signIn.wrong);
  await expectAccessible(page);

  await signIn(page, accounts.nominator.username);
  await expect(page.getByRole('heading', { level: 1, name: nb.nominations.title })).toBeVisible();
  await expect(page).toHaveTitle(`${nb.nominations.title} – ${nb.appName}`);
  await expect(page.getByTestId('nominations').locator('tbody tr')).toHaveCount(ownNominations.length);
  const people = new Map(serverDemoData.people.map((p) => [p.id, p]));
  expect(await rowsOf(page, 'nominations')).toEqual(
    ownNominations.map((c) => {
      const person = people.get(c.subjectPersonId)!;
      const { offer } = c.details as NominationDetails;
      return [
        c.caseNumber,
        `${person.givenName} ${person.familyName}`,
        `${offer.name} (${offer.code})`,
        nominationStatusLabels[c.status as keyof typeof nominationStatusLabels].nb,
        // An open application may be withdrawn by the nominator.
        (nominationTerminalStatuses as readonly string[]).includes(c.status) ? '' : nb.nominationWithdraw.button(`${person.givenName} ${person.familyName}`),
      ];
    }),
  );
  await expectAccessible(page);

  await page.getByRole('link', { name: nb.nav.offers }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb.offers.title })).toBeVisible();
  await expect(page.getByTestId('offers').locator('tbody tr')).toHaveCount(ownOffers.length);
  expect((await rowsOf(page, 'offers')).map((cells) => [cells[0], cells[1], cells[4]]).sort()).toEqual(
    ownOffers.map((o) => [o.code, o.name.nb, String(o.capacity)]).sort(),
  );
  await expectAccessible(page);

  await page.getByLabel(nb.language).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: en.offers.title })).toBeVisible();
  expect((await rowsOf(page, 'offers')).map((cells) => cells[1]).sort()).toEqual(ownOffers.map((o) => o.name.en).sort());
  await expectAccessible(page);

  await page.getByRole('link', { name: en.nav.nominations }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.nominations.title })).toBeVisible();
  const statuses = (await rowsOf(page, 'nominations')).map((cells) => cells[3]);
  expect(statuses).toEqual(ownNominations.map((c) => nominationStatusLabels[c.status as keyof typeof nominationStatusLabels].en));
  await expectAccessible(page);

  await page.getByRole('button', { name: en.signOut }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.signIn.title })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: en.signIn.title })).toBeVisible();
});

test('staff are turned away with a clear message', async ({ page }) => {
  await signIn(page, accounts.caseOfficer.username);
  await expect(page.getByRole('alert')).toHaveText(nb.signIn.notForYou);
  await expect(page.getByRole('heading', { level: 1, name: nb.signIn.title })).toBeVisible();
  await expectAccessible(page);
});
