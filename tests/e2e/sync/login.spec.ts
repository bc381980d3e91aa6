import { OverviewPage } from '../pages/overview-page';
import { expectAccessible } from '../support/axe';
import { nb } from '../../../src-renderer/i18n/nb';
import { revokeDevice } from '../../../src-server/auth/accounts';
import { accounts, actorOf, DEMO_PASSWORD, visibleCases } from './support/central-server';
import { firstListed } from './support/cases';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from './support/sync-fixtures';
import { LockPage, SignInPage, UserMenu } from './pages/session-pages';
import { StatusBar, SyncItemsPage } from './pages/sync-pages';
import type { Page } from '@playwright/test';
import { signInAs } from './support/sign-in';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

/** Records stored in signed-in replicas (IndexedDB databases `rxdb-dexie-saksflyt-r-…`) of this browser profile. */
async function replicaRecords(page: Page): Promise<number> {
  return page.evaluate(async () => {
    type Request<T> = { result: T; onsuccess: (() => void) | null; onerror: (() => void) | null; error: unknown };
    type Database = {
      objectStoreNames: ArrayLike<string>;
      transaction(store: string): { objectStore(name: string): { count(): Request<number> } };
      close(): void;
    };
    const { indexedDB } = globalThis as unknown as { indexedDB: { databases(): Promise<{ name?: string }[]>; open(name: string): Request<Database> } };
    const settle = <T>(request: Request<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    let records = 0;
    for (const { name } of await indexedDB.databases()) {
      if (!name?.includes('saksflyt-r-')) continue;
      const db = await settle(indexedDB.open(name));
      for (const store of Array.from(db.objectStoreNames)) records += await settle(db.transaction(store).objectStore(store).count());
      db.close();
    }
    return records;
  });
}

test('signing in fills a replica of its own with the cases the server lets this user see', async ({ laptop, server }) => {
  const { page } = laptop;
  const signIn = new SignInPage(page);
  await signIn.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page).toHaveTitle(`${signIn.text.login.title} – Saksflyt`);
  await expect(signIn.serverUrl).toHaveValue(server.url);
  await expectAccessible(page);

  // Notes are held back on the network: the first sync shows how far it has come meanwhile.
  let releaseNotes!: () => void;
  const notesHeld = new Promise<void>((resolve) => (releaseNotes = resolve));
  await page.route(`${server.url}/sync/notes/**`, async (route) => {
    await notesHeld;
    await route.continue();
  });
  await signIn.signIn(accounts.coordinator.username, DEMO_PASSWORD);
  const status = new StatusBar(page);
  await expect(status.firstSync).toBeVisible({ timeout: SYNC_SETTLE_MS });
  await expect(status.firstSync).toHaveAttribute('aria-valuetext', /^\d+ av [1-9]\d* dokumenter mottatt$/);
  releaseNotes();
  const overview = new OverviewPage(page);
  const visible = visibleCases('coordinator');
  expect(visible.length).toBeGreaterThan(3);
  await expect(overview.matchCount).toHaveText(nb.overview.matches(visible.length, visible.length), { timeout: SYNC_SETTLE_MS });
  const first = firstListed('coordinator');
  await expect(overview.caseLinkAt(0)).toHaveText(`${first.caseNumber} ${first.title}`);
  await expect(new UserMenu(page).region).toContainText(actorOf('coordinator').name);
  await expect(status.firstSync).toHaveCount(0);
  await expect(status.connection).toHaveText(status.text.phases.idle, { timeout: SYNC_SETTLE_MS });
  await expect(status.unsynced).toHaveText('0');
  await expect(status.lastSync).not.toHaveText(status.text.never);
  await expectAccessible(page);

  await status.syncNow.click();
  await expect(status.region).toContainText(status.text.syncOk, { timeout: SYNC_SETTLE_MS });

  await status.details.click();
  const items = new SyncItemsPage(page);
  await expect(items.heading).toBeVisible();
  await expect(page.getByText(items.text.page.empty)).toBeVisible();
  await expectAccessible(page);
});

test('a wrong password and an unreachable server each get their own clear error', async ({ laptop, server }) => {
  const { page } = laptop;
  laptop.expectFailedRequests(new URL('rpc/session:login', laptop.host.url).href);
  const signIn = new SignInPage(page);
  await signIn.open();

  await signIn.signIn(accounts.coordinator.username, 'feil passord');
  await expect(signIn.alert).toHaveText(signIn.text.login.errors['invalid-credentials']);
  await expect(signIn.password).toBeFocused();
  await expect(signIn.password).toHaveValue('');
  await expectAccessible(page);

  await signIn.submit.click();
  await expect(signIn.password).toHaveAccessibleDescription(signIn.text.login.errors.password);

  await server.stop();
  await signIn.signIn(accounts.coordinator.username, DEMO_PASSWORD);
  await expect(signIn.alert).toHaveText(signIn.text.login.errors['server-unreachable'](server.url));
  await expect(signIn.serverUrl).toBeFocused();
  await expectAccessible(page);
  // Still signed out, nothing opened.
  expect(await (await page.request.post('rpc/session:current')).json()).toMatchObject({ ok: true, value: { state: 'signed-out' } });
});

test('signing out returns to sign-in, hides every case and keeps the encrypted replica', async ({ laptop }) => {
  const { page } = laptop;
  const signIn = await signInAs(page, 'coordinator');
  const first = firstListed('coordinator');
  const overview = new OverviewPage(page);
  await expect(overview.caseLinkAt(0)).toHaveText(`${first.caseNumber} ${first.title}`, { timeout: SYNC_SETTLE_MS });

  await new UserMenu(page).logout.click();
  await expect(signIn.heading).toBeVisible();
  await expect(page.getByText(signIn.text.signedOut['logged-out'])).toBeVisible();
  await expect(signIn.username).toHaveValue(accounts.coordinator.username);
  await expect(page.getByText(first.title)).toHaveCount(0);
  expect(await (await page.request.post('rpc/session:current')).json()).toMatchObject({ ok: true, value: { state: 'signed-out', reason: 'logged-out' } });
  expect(await replicaRecords(page)).toBeGreaterThan(visibleCases('coordinator').length);
  await expectAccessible(page);

  await signIn.signIn(accounts.coordinator.username, DEMO_PASSWORD);
  await expect(overview.caseLinkAt(0)).toHaveText(`${first.caseNumber} ${first.title}`);
});

test('after idle time the session locks, hides case data and opens again with the password', async ({ laptop }) => {
  const { page } = laptop;
  const saved = await page.request.post('rpc/settings:update', { data: { idleLockMinutes: 1 } });
  expect(saved.ok()).toBe(true);
  await page.clock.install();
  await signInAs(page, 'coordinator');
  const first = firstListed('coordinator');
  const overview = new OverviewPage(page);
  await expect(overview.caseLinkAt(0)).toHaveText(`${first.caseNumber} ${first.title}`, { timeout: SYNC_SETTLE_MS });

  await page.clock.runFor('01:10');
  const lock = new LockPage(page);
  await expect(lock.heading).toBeVisible();
  await expect(page.getByText(first.title)).toHaveCount(0);
  await expect(page.getByRole('list', { name: nb.overview.listLabel })).toHaveCount(0);
  await expectAccessible(page);
  // The lock lives in the main process: a reload does not skip it.
  await page.reload();
  await expect(lock.heading).toBeVisible();

  laptop.expectFailedRequests(new URL('rpc/session:unlock', laptop.host.url).href);
  await lock.password.fill('feil passord');
  await lock.unlock.click();
  await expect(page.getByRole('alert')).toHaveText(lock.text.lock.wrongPassword);
  await lock.password.fill(DEMO_PASSWORD);
  await lock.unlock.click();
  await expect(overview.caseLinkAt(0)).toHaveText(`${first.caseNumber} ${first.title}`);
});

test('local demo data lives in a database of its own and never reaches the server', async ({ laptop, server }) => {
  const { page } = laptop;
  const before = await server.db.query<{ count: string | number }>('SELECT count(*) AS count FROM sync_documents');
  await page.goto('/?demoCases=10');
  const overview = new OverviewPage(page);
  await overview.expectMatches(10, 10);
  await expect(new StatusBar(page).region).toHaveText(nb.statusBar.notConfigured);
  await expectAccessible(page);

  await page.getByRole('button', { name: new SignInPage(page).text.demo.signIn }).click();
  const signIn = new SignInPage(page);
  await expect(signIn.heading).toBeVisible();
  await signIn.signIn(accounts.coordinator.username, DEMO_PASSWORD);
  const visible = visibleCases('coordinator');
  await expect(overview.matchCount).toHaveText(nb.overview.matches(visible.length, visible.length), { timeout: SYNC_SETTLE_MS });
  // The next contact is either this click or the live stream, whichever comes first: when the
  // stream already signed the app out, the button is gone and there is nothing left to click.
  await Promise.race([new StatusBar(page).syncNow.click().catch(() => undefined), signIn.heading.waitFor()]);
  await expect(new StatusBar(page).region).toContainText(new StatusBar(page).text.syncOk, { timeout: SYNC_SETTLE_MS });
  const after = await server.db.query<{ count: string | number }>('SELECT count(*) AS count FROM sync_documents');
  expect(Number(after[0]!.count)).toBe(Number(before[0]!.count));
  const pushes = await server.db.query(`SELECT 1 FROM audit_log WHERE action IN ('push', 'resolve-conflict')`);
  expect(pushes).toEqual([]);
});

test('a device revoked at the server loses its replica at the next contact and returns to sign-in', async ({ laptop, server }) => {
  const { page } = laptop;
  const signIn = await signInAs(page, 'coordinator');
  const first = firstListed('coordinator');
  await expect(new OverviewPage(page).caseLinkAt(0)).toHaveText(`${first.caseNumber} ${first.title}`, { timeout: SYNC_SETTLE_MS });
  expect(await replicaRecords(page)).toBeGreaterThan(0);

  const [device] = await server.db.query<{ id: string }>('SELECT id FROM devices WHERE user_id = $1 AND revoked_at IS NULL', [accounts.coordinator.userId]);
  await revokeDevice(server.db, device!.id);
  laptop.expectFailedRequests(server.url);
  laptop.expectFailedRequests(new URL('rpc/session:refresh', laptop.host.url).href);
  // The next contact is either this click or the live stream, whichever comes first: when the
  // stream already signed the app out, the button is gone and there is nothing left to click.
  await Promise.race([new StatusBar(page).syncNow.click().catch(() => undefined), signIn.heading.waitFor()]);

  await expect(signIn.heading).toBeVisible({ timeout: SYNC_SETTLE_MS });
  await expect(page.getByText(signIn.text.signedOut['device-revoked'])).toBeVisible();
  await expect(page.getByText(first.title)).toHaveCount(0);
  await expect.poll(() => replicaRecords(page)).toBe(0);
  expect(await (await page.request.post('rpc/session:current')).json()).toMatchObject({ ok: true, value: { state: 'signed-out', reason: 'device-revoked' } });
});
