import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { demoUsers } from '../../../dev/demo-data';
import { placementStatusLabels, type PlacementDetails } from '../../../src-shared/domain/placement/placement.schema';
import { addUser } from '../../../src-server/auth/accounts';
import { en } from '../../../src-portal/i18n/en';
import { nb } from '../../../src-portal/i18n/nb';
import { expectAccessible } from '../support/axe';
import { DEMO_PASSWORD, serverDemoData, startCentralServer, type CentralServer } from '../sync/support/central-server';

/**
 * A placement site's coordinator in the portal, in Chromium against the real central server with
 * the demo data: the incoming order is on the front page, its page shows the requirements, and
 * "Bekreft bestilling" confirms capacity on the server; every page is axe clean.
 */
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const order = serverDemoData.cases.find((c) => c.type === 'placement' && c.status === 'ordered')!;
const coordinator = demoUsers().find((user) => user.roles.includes('siteCoordinator') && user.scope.partners?.includes(order.cohort))!;
const details = order.details as PlacementDetails;

let server: CentralServer;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'saksflyt-site-e2e-'));
  server = await startCentralServer(dataDir);
  await addUser(server.db, { ...coordinator, id: coordinator.userId, username: 'sitekoord', password: DEMO_PASSWORD, email: coordinator.email ?? '' });
});
test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a site coordinator sees the incoming order, opens it and confirms capacity', async ({ page }) => {
  await page.goto(`${server.url}/portal/`);
  await page.getByLabel(nb.signIn.username).fill('sitekoord');
  await page.getByLabel(nb.signIn.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: nb.signIn.submit }).click();

  await expect(page.getByRole('heading', { level: 1, name: nb.site.title })).toBeVisible();
  const incoming = page.getByTestId('incoming-orders');
  const waiting = serverDemoData.cases.filter((c) => c.type === 'placement' && c.status === 'ordered' && c.cohort === order.cohort);
  await expect(incoming.locator('tbody tr')).toHaveCount(waiting.length);
  await expect(incoming.locator('tbody tr').first()).toContainText(details.activity.courseName);
  await expectAccessible(page);

  await incoming.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(details.activity.courseName);
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.ordered.nb);
  for (const requirement of details.activity.requirements) await expect(page.getByText(requirement)).toBeVisible();
  const places = page.getByLabel(nb.site.places);
  await expect(places).toHaveValue(String(details.order.requestedPlaces));
  await expectAccessible(page);

  await places.fill('2');
  await page.getByRole('button', { name: nb.site.confirm }).click();
  await expect(page.getByText(nb.site.confirmDone)).toBeVisible();
  await expect(page.getByTestId('order-status')).toHaveText(placementStatusLabels.capacityConfirmed.nb);
  await expect(page.getByTestId('confirmed-places')).toHaveText('2');
  await expect(page.getByRole('button', { name: nb.site.confirm })).toHaveCount(0);
  await expectAccessible(page);
  expect(await server.storedCase(order.id)).toMatchObject({ status: 'capacityConfirmed', details: { capacity: { places: 2 } } });

  await page.getByLabel(nb.language).selectOption('en');
  await page.getByRole('link', { name: en.site.back }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.site.title })).toBeVisible();
  if (waiting.length === 1) await expect(page.getByText(en.site.noneIncoming)).toBeVisible();
  await expect(page.getByTestId('other-orders')).toContainText(placementStatusLabels.capacityConfirmed.en);
  await expectAccessible(page);
});
