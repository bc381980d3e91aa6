import { expectAccessible } from '../support/axe';
import { actorOf } from './support/central-server';
import { casePath, editableCase } from './support/cases';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from './support/sync-fixtures';
import { CaseTitleForm } from './pages/case-edit';
import { SyncItemsPage } from './pages/sync-pages';
import { signedIn } from './support/sign-in';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

test('an edit made while the server is down waits as unsynced, and reaches the server when it is back', async ({ laptop, server }) => {
  const { page } = laptop;
  const target = editableCase('coordinator');
  const status = await signedIn(page, 'coordinator');

  await page.goto(casePath(target.id));
  const form = new CaseTitleForm(page);
  await expect(form.heading).toHaveText(target.title);

  laptop.expectFailedRequests(server.url);
  await server.stop();
  const renamed = `${target.title} – endret uten nett`;
  await form.rename(renamed);
  await expect(form.heading).toHaveText(renamed);
  await expect(status.unsynced).toHaveText('1');
  await expect(status.connection).toHaveText(status.text.phases.offline);
  const lastSync = await status.lastSync.textContent();

  // "Sync now" while away never claims success (it gives up after its time limit).
  await status.syncNow.click();
  await expect(status.region).toContainText(status.text.syncFailed('').split(':')[0]!, { timeout: SYNC_SETTLE_MS });
  await expect(status.lastSync).toHaveText(lastSync!);

  await status.details.click();
  const items = new SyncItemsPage(page);
  await expect(items.rows.filter({ hasText: renamed })).toContainText(items.text.states.pending);
  await expectAccessible(page);
  expect((await server.storedCase(target.id))?.title).toBe(target.title);

  await server.start();
  await status.syncNow.click();
  await expect(status.region).toContainText(status.text.syncOk, { timeout: SYNC_SETTLE_MS });
  await expect(status.unsynced).toHaveText('0');
  await expect(status.connection).toHaveText(status.text.phases.idle);
  await expect(items.rows.filter({ hasText: renamed })).toContainText(items.text.states.synced);
  expect(await server.storedCase(target.id)).toMatchObject({ title: renamed, updatedBy: actorOf('coordinator').userId });
});
