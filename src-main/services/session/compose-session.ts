import { hostname } from 'node:os';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { SecureStore } from '../secure-store/secure-store';
import type { SettingsService } from '../settings/settings.service';
import { createAuthClient } from './auth-client';
import { passwordLoginProvider } from './login-provider';
import { createOidcSignIn, type OidcBrowser } from './oidc/oidc-sign-in';
import { createSessionService, type SessionHandlers } from './session.service';
import { createSessionVault } from './session-vault';

/** The session channels' handlers for one data folder (spread into createHandlers). */
export function composeSession(options: {
  settings: SettingsService;
  secureStore: SecureStore;
  fetch?: typeof fetch;
  /** Where the OIDC providers' pages open (system browser, or the browser mode's tab); without it only passwords sign in. */
  oidcBrowser?: OidcBrowser;
}): SessionHandlers {
  const auth = createAuthClient({ fetch: options.fetch });
  return createSessionService({
    settings: options.settings,
    vault: createSessionVault(options.secureStore),
    password: passwordLoginProvider(auth),
    oidc: options.oidcBrowser && createOidcSignIn({ auth, browser: options.oidcBrowser }),
    auth,
    deviceName: `Saksflyt – ${hostname()}`.slice(0, 100),
  });
}

/** The signed-in session's server and a valid access token (for the main process's own calls). */
export async function serverConnection(session: SessionHandlers): Promise<{ serverUrl: string; accessToken: string }> {
  const view = await session.sessionCurrent();
  if (view.state === 'signed-out') throw new AppError('precondition', 'Nobody is signed in to a server on this laptop');
  const { accessToken } = await session.sessionRefresh({});
  return { serverUrl: view.serverUrl, accessToken };
}
