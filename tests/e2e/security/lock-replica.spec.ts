import { FollowUpPages } from '../follow-up/follow-up-pages';
import { expectAccessible } from '../support/axe';
import { LockPage, UserMenu } from '../sync/pages/session-pages';
import { DEMO_PASSWORD } from '../sync/support/central-server';
import { editableCase } from '../sync/support/cases';
import { signedIn } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from '../sync/support/sync-fixtures';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

const NOTE = 'Skrevet uten nett rett før låsing; skal nå serveren etter opplåsing.';

test('locking closes the replica and drops the key: the page cannot get it back, and an unsent note goes at the next unlock', async ({ laptop, server }) => {
  const { page } = laptop;
  const target = editableCase('coordinator');
  const status = await signedIn(page, 'coordinator');
  // The follow-up case page: the case with its notes.
  await page.goto(`/#/follow-up/${encodeURIComponent(target.id)}`);
  const followUp = new FollowUpPages(page);
  await expect(followUp.heading).toHaveText(target.title);

  // Offline, a note is written: it waits in the encrypted replica.
  laptop.expectFailedRequests(server.url);
  await server.stop();
  await followUp.writeNote(NOTE);
  await expect(followUp.notes.filter({ hasText: NOTE })).toHaveCount(1);
  await expect(status.unsynced).toHaveText('1');

  await new UserMenu(page).lock.click();
  const lock = new LockPage(page);
  await expect(lock.heading).toBeVisible();
  await expect(page.getByText(target.title)).toHaveCount(0);
  await expect(page.getByText(NOTE)).toHaveCount(0);
  await expectAccessible(page);

  // The page's own code asks the main process for the replica's key, as the app does: refused while locked.
  const keyChannel = new URL('rpc/secure-store:local-db-key', laptop.host.url).href;
  laptop.expectFailedRequests(keyChannel);
  const asked = await page.evaluate(async (url) => (await fetch(url, { method: 'POST' })).json(), keyChannel);
  expect(asked).toMatchObject({ ok: false, error: { details: { code: 'locked' } } });
  expect(JSON.stringify(asked)).not.toMatch(/"key"/);

  // Unlocked with the server back: the case opens again and the note reaches the server.
  await server.start();
  await lock.password.fill(DEMO_PASSWORD);
  await lock.unlock.click();
  await expect(followUp.heading).toHaveText(target.title);
  await expect(followUp.notes.filter({ hasText: NOTE })).toHaveCount(1);
  await expect.poll(async () => (await server.storedNotes(target.id)).map((note) => note.text), { timeout: SYNC_SETTLE_MS }).toContain(NOTE);
  await expect(status.unsynced).toHaveText('0', { timeout: SYNC_SETTLE_MS });
});
