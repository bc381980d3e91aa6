import { expectAccessible } from '../support/axe';
import { casePath, closedCase, editableCase } from './support/cases';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from './support/sync-fixtures';
import { CaseTitleForm } from './pages/case-edit';
import { ConflictInbox, SyncItemsPage } from './pages/sync-pages';
import { signedIn } from './support/sign-in';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

test('two laptops rename the same case: the inbox shows both titles and the pick reaches the server', async ({ newLaptop, server }) => {
  const target = editableCase('coordinator', 'head');
  const [mine, theirs] = [await newLaptop(), await newLaptop()];
  const [myStatus, theirStatus] = [await signedIn(mine.page, 'coordinator'), await signedIn(theirs.page, 'head')];
  for (const laptop of [mine, theirs]) {
    await laptop.page.goto(casePath(target.id));
    await expect(new CaseTitleForm(laptop.page).heading).toHaveText(target.title);
  }

  // My laptop is offline while both rename the case; theirs reaches the server first.
  mine.expectFailedRequests(server.url);
  await mine.page.context().setOffline(true);
  const myTitle = `${target.title} (Ragnhild)`;
  const theirTitle = `${target.title} (Kjersti)`;
  await new CaseTitleForm(mine.page).rename(myTitle);
  await new CaseTitleForm(theirs.page).rename(theirTitle);
  await theirStatus.syncNow.click();
  await expect(theirStatus.region).toContainText(theirStatus.text.syncOk, { timeout: SYNC_SETTLE_MS });
  expect((await server.storedCase(target.id))?.title).toBe(theirTitle);

  await mine.page.context().setOffline(false);
  await myStatus.syncNow.click();
  await expect(myStatus.inboxLink(1)).toBeVisible({ timeout: SYNC_SETTLE_MS });
  // The server's title was kept; mine waits in the inbox, nothing is lost.
  await expect(new CaseTitleForm(mine.page).heading).toHaveText(theirTitle);

  await myStatus.inboxLink(1).click();
  const inbox = new ConflictInbox(mine.page);
  await expect(inbox.heading).toBeVisible();
  const entry = inbox.entries.filter({ hasText: target.caseNumber });
  const label = inbox.text.fields.title!;
  await expect(inbox.serverChoice(entry, label, theirTitle)).toBeChecked();
  await expect(inbox.localChoice(entry, label, myTitle)).not.toBeChecked();
  await expectAccessible(mine.page);

  await inbox.localChoice(entry, label, myTitle).check();
  await inbox.save(entry).click();
  await expect(inbox.notice).toBeVisible();
  await expect(inbox.entries).toHaveCount(0);
  await expect(mine.page.getByText(inbox.text.empty)).toBeVisible();

  await expect.poll(async () => (await server.storedCase(target.id))?.title, { timeout: SYNC_SETTLE_MS }).toBe(myTitle);
  expect(await server.resolutionAudits(target.id)).toEqual([{ actor_id: 'u-kullkoord-helse', outcome: 'accepted' }]);
  // The other laptop gets the picked title live.
  await expect(new CaseTitleForm(theirs.page).heading).toHaveText(myTitle, { timeout: SYNC_SETTLE_MS });
  await expect(myStatus.unsynced).toHaveText('0');
});

test('a change the server refuses shows its reason on the item, keeps the typed value, and can be discarded', async ({ laptop, server }) => {
  const target = closedCase('coordinator');
  const status = await signedIn(laptop.page, 'coordinator');
  const { page } = laptop;
  await page.goto(casePath(target.id));
  const form = new CaseTitleForm(page);
  await expect(form.heading).toHaveText(target.title);

  const refused = `${target.title} – etter lukking`;
  await form.title.fill(refused);
  await form.save.click();
  // The server keeps the closed case as it was; the replica follows it and the refusal waits in the inbox.
  await expect(status.inboxLink(1)).toBeVisible({ timeout: SYNC_SETTLE_MS });
  await expect(form.heading).toHaveText(target.title);
  await expect(status.unsynced).toHaveText('0');
  expect((await server.storedCase(target.id))?.title).toBe(target.title);

  await status.details.click();
  const items = new SyncItemsPage(page);
  const row = items.rows.filter({ hasText: target.caseNumber });
  await expect(row).toContainText(items.text.states.rejected);
  await expect(row).toContainText(items.text.reasons.workflow);

  await status.inboxLink(1).click();
  const inbox = new ConflictInbox(page);
  const entry = inbox.entries.filter({ hasText: target.caseNumber });
  await expect(entry).toContainText(inbox.text.kinds.rejected);
  await expect(entry).toContainText(items.text.reasons.workflow);
  await expect(entry.getByRole('row').filter({ hasText: inbox.text.fields.title! })).toContainText(refused);
  await expectAccessible(page);

  await entry.getByRole('button', { name: inbox.text.discard }).click();
  await expect(inbox.entries).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: inbox.text.discarded })).toBeVisible();
  await expect(status.inboxLink(1)).toHaveCount(0);
});
