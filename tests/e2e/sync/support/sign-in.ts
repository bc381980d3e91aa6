import type { Page } from '@playwright/test';
import { accounts, DEMO_PASSWORD, type AccountName } from './central-server';
import { expect, SYNC_SETTLE_MS } from './sync-fixtures';
import { SignInPage } from '../pages/session-pages';
import { StatusBar } from '../pages/sync-pages';

/** Opens the sign-in screen and signs the demo account in with the demo password. */
export async function signInAs(page: Page, account: AccountName): Promise<SignInPage> {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(accounts[account].username, DEMO_PASSWORD);
  return signIn;
}

/** Signs the demo account in and waits until the first sync is done (the status bar says idle). */
export async function signedIn(page: Page, account: AccountName): Promise<StatusBar> {
  await signInAs(page, account);
  const status = new StatusBar(page);
  await expect(status.connection).toHaveText(status.text.phases.idle, { timeout: SYNC_SETTLE_MS });
  return status;
}
