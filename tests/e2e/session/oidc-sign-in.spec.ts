import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browser-host';
import { linkIdentity } from '../../../src-server/auth/oidc/oidc-identities';
import { oidcTexts } from '../../../src-renderer/features/session/oidc-text';
import { sessionTexts } from '../../../src-renderer/features/session/session-text';
import { startTestServer, type TestServer } from '../../integration/sync/support/test-server';
import { startOidcProvider, type OidcTestProvider } from '../../support/oidc/oidc-test-provider';
import { expectAccessible } from '../support/axe';

/**
 * Browser mode's sign-in with Feide: the tab goes to the server, on to a real OIDC provider (its
 * development sign-in and consent pages) and back through the browser host to the signed-in app.
 */
const rendererDir = resolve(import.meta.dirname, '../../../out/renderer');
const text = { ...sessionTexts.nb, oidc: oidcTexts.nb };

let provider: OidcTestProvider;
let server: TestServer;
let host: BrowserHost;
let dataDir: string;

test.beforeAll(async () => {
  provider = await startOidcProvider({ accounts: [{ sub: 'kari-feide', claims: { name: 'Kari Kullkoordinator' } }, { sub: 'stranger' }] });
  server = await startTestServer({
    oidc: { providers: [{ id: 'feide', label: 'Feide', issuer: provider.issuer, clientId: 'saksflyt', clientSecret: 'e2e-secret', scopes: 'openid profile' }] },
  });
  provider.addClient({ clientId: 'saksflyt', clientSecret: 'e2e-secret', redirectUris: [`${server.url}/auth/oidc/feide/callback`] });
  await server.addUser({
    username: 'kari',
    name: 'Kari Kullkoordinator',
    roles: ['cohortCoordinator'],
    scope: { institution: 'hvl', departments: [], cohorts: ['spl-2025'], partners: [] },
  });
  await linkIdentity(server.db, { username: 'kari', issuer: provider.issuer, subject: 'kari-feide' });
  dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-e2e-oidc-'));
  host = await startBrowserHost({ port: 0, dataDir, rendererDir });
  const settings = await fetch(new URL('rpc/settings:update', host.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serverUrl: server.url }),
  });
  expect(settings.ok).toBe(true);
});

test.afterAll(async () => {
  await host?.close();
  await server?.close();
  await provider?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test.describe.configure({ mode: 'serial' });

test('a Feide user without an account is told so on the sign-in page', async ({ page }) => {
  await page.goto(host.url);
  const feide = page.getByRole('button', { name: text.oidc.signInWith('Feide') });
  await feide.click();
  await page.locator('input[name="login"]').fill('stranger');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('heading', { level: 1, name: text.login.title })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(text.oidc.errors['oidc-unknown-identity']('Feide'));
  // The reason is taken out of the address: a reload does not show it again.
  expect(new URL(page.url()).search).toBe('');
  await expectAccessible(page);
});

test('signs in through Feide and comes back to the signed-in app', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByText(text.oidc.or, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: text.oidc.signInWith('Feide') }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await page.locator('input[name="login"]').fill('kari-feide');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(host.url);
  await expect(page.getByRole('region', { name: text.userMenu.label })).toContainText('Kari Kullkoordinator');
});
