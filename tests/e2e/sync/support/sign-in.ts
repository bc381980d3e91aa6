import type { Page } from '@playwright/test';
import { accounts, DEMO_PASSWORD, type AccountName } from './central-server';
import { expect, SYNC_SETTLE_MS } from './sync-fixtures';
import { SignInPage } from '../pages/session-pages';
import { StatusBar } from '../pages/sync-pages';

/** Opens the sign-in screen and signs the demo account in with the demo password. */
export async function signInAs(page: Page, account: AccountName): Promise<SignInPage> {
  return signInWith(page, accounts[account].username);
}

/** Signs the demo account in and waits until the first sync is done (the status bar says idle). */
export async function signedIn(page: Page, account: AccountName): Promise<StatusBar> {
  return signedInWith(page, accounts[account].username);
}

/** Signs a user in by username (one a test added to the server, with the demo password) and waits until the first sync is done. */
export async function signedInWith(page: Page, username: string): Promise<StatusBar> {
  await signInWith(page, username);
  const status = new StatusBar(page);
  await expect(status.connection).toHaveText(status.text.phases.idle, { timeout: SYNC_SETTLE_MS });
  return status;
}

async function signInWith(page: Page, username: string): Promise<SignInPage> {
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(username, DEMO_PASSWORD);
  return signIn;
}
