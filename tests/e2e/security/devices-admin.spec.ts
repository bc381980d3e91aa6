import { setAccountAdmin } from '../../../src-server/admin-api/account-admins';
import { expectAccessible } from '../support/axe';
import { SignInPage } from '../sync/pages/session-pages';
import { accounts } from '../sync/support/central-server';
import { signedInWith } from '../sync/support/sign-in';
import { expect, SYNC_SETTLE_MS, SYNC_TEST_TIMEOUT_MS, test } from '../sync/support/sync-fixtures';
import { DevicesPage } from './devices-page';

test.describe.configure({ timeout: SYNC_TEST_TIMEOUT_MS });

test('an account administrator finds a user’s laptop with its last contact and revokes it: that laptop is signed out and wiped', async ({
  server,
  newLaptop,
}) => {
  await setAccountAdmin(server.db, accounts.coordinator.username, true);
  const other = await newLaptop();
  await signedInWith(other.page, accounts.head.username);
  const laptop = await newLaptop();
  await signedInWith(laptop.page, accounts.coordinator.username);
  const { page } = laptop;

  const devices = new DevicesPage(page);
  await devices.menuLink.click();
  await expect(devices.heading).toBeVisible();
  await expect(page).toHaveTitle(`${devices.text.title} – Saksflyt`);
  await expect(devices.mine.getByRole('row').filter({ hasText: devices.text.thisDevice })).toHaveCount(1);
  await expect(devices.adminHeading).toBeVisible();
  await expectAccessible(page);

  await devices.username.fill(accounts.head.username);
  await devices.search.click();
  await expect(page.getByText(devices.text.admin.results(1, accounts.head.username))).toBeVisible();
  const row = devices.found.getByRole('row').filter({ hasText: accounts.head.username });
  // Last contact: the first sync a moment ago, relative and absolute.
  await expect(row.locator('time').first()).toContainText(/nå|sekund|minutt/);
  await expect(row).toContainText(devices.text.status.active);
  await expectAccessible(page);

  await row.getByRole('button', { name: new RegExp(`\\(${accounts.head.username}\\)$`) }).click();
  await expect(devices.dialog).toBeVisible();
  await expectAccessible(page);
  other.expectFailedRequests(server.url);
  other.expectFailedRequests(new URL('rpc/session:refresh', other.host.url).href);
  await devices.confirm.click();
  await expect(devices.dialog).toBeHidden();
  await expect(row).toContainText(devices.text.status.revoked(''));
  await expect(row.getByRole('button')).toHaveCount(0);

  // The revoked laptop learns it at its next contact (the live stream ends now).
  const signIn = new SignInPage(other.page);
  await expect(signIn.heading).toBeVisible({ timeout: SYNC_SETTLE_MS });
  await expect(other.page.getByText(signIn.text.signedOut['device-revoked'])).toBeVisible();
});
