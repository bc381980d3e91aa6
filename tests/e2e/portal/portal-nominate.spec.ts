import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { nb } from '../../../src-portal/i18n/nb';
import { expectAccessible } from '../support/axe';
import { accounts, actorOf, DEMO_PASSWORD, serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';

/**
 * A partner's nominator nominating in the portal, in Chromium against the real central server:
 * one applicant in the form, a CSV file with one bad row (its error shown, nothing added), then a
 * good file (its rows appear under "Mine nominasjoner"); every page axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let server: CentralServer;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-portal-nominate-e2e-'));
  server = await startCentralServer(dataDir);
});
test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const partnerId = actorOf('nominator').scope.partners[0]!;
const offer = serverDemoData.offers.find((o) => o.partnerId === partnerId)!;
const csv = (...rows: [given: string, email: string, term: string][]) =>
  [
    'Fornavn;Etternavn;E-post;Fødselsdato;Statsborgerskap;Tilbudskode;Termin;Valg',
    ...rows.map(([given, email, term]) => `${given};Müller;${email};17.05.2001;DE;${offer.code};${term};`),
  ].join('\r\n');

async function signIn(page: Page) {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel(nb.signIn.username).fill(accounts.nominator.username);
  await page.getByLabel(nb.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: nb.signIn.submit }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb.nominations.title })).toBeVisible();
}

async function applicantsListed(page: Page): Promise<string[]> {
  await page.getByRole('link', { name: nb.nav.nominations }).click();
  await expect(page.getByTestId('nominations')).toBeVisible();
  return page.getByTestId('nominations').locator('tbody tr td:nth-child(2)').allTextContents();
}

async function upload(page: Page, text: string) {
  await page.getByRole('link', { name: nb.nav.upload }).click();
  await page.getByLabel(nb.upload.file).setInputFiles({ name: 'nominasjoner.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: nb.upload.submit, exact: true }).click();
}

test('a nominator nominates one applicant in the form, with errors at the fields first', async ({ page }) => {
  await signIn(page);
  await page.getByRole('link', { name: nb.nav.nominate }).click();
  await expect(page.getByRole('heading', { level: 1, name: nb.nominate.title })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: nb.nominate.submit }).click();
  await expect(page.getByText(nb.nominate.required).first()).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Fornavn').fill('Greta');
  await page.getByLabel('Etternavn').fill('Skjemastad');
  await page.getByLabel('E-post').fill('greta.skjemastad@example.com');
  await page.getByLabel('Fødselsdato').fill('2001-03-04');
  await page.getByLabel('Statsborgerskap').fill('DE');
  await page.getByLabel('Tilbudskode').selectOption(offer.code);
  await page.getByRole('button', { name: nb.nominate.submit }).click();
  await expect(page.getByRole('status')).toHaveText(nb.nominate.created('Greta Skjemastad'));
  await expectAccessible(page);

  expect(await applicantsListed(page)).toContain('Greta Skjemastad');
});

test('a CSV file with one bad row shows that row’s error and adds no one; a good file adds every row', async ({ page }) => {
  await signIn(page);
  const before = await applicantsListed(page);

  await upload(page, csv(['Per', 'per.fil@example.com', offer.term], ['Kari', 'kari.fil@example.com', '1999X']));
  const errors = page.getByTestId('upload-errors').locator('tbody tr');
  await expect(errors).toHaveCount(1);
  const cells = await errors.first().locator('td').allTextContents();
  expect(cells.slice(0, 2)).toEqual(['3', 'Termin']);
  await expectAccessible(page);
  expect(await applicantsListed(page)).toEqual(before);

  await upload(page, csv(['Per', 'per.fil@example.com', offer.term], ['Kari', 'kari.fil@example.com', offer.term]));
  await expect(page.getByRole('status')).toHaveText(nb.upload.created(2, 0));
  await expectAccessible(page);
  const after = await applicantsListed(page);
  expect(after).toHaveLength(before.length + 2);
  expect(after).toEqual(expect.arrayContaining(['Per Müller', 'Kari Müller']));
});
