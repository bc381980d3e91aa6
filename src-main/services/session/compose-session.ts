import { hostname } from 'node:os';
import type { SecureStore } from '../secure-store/secure-store';
import type { SettingsService } from '../settings/settings.service';
import { createAuthClient } from './auth-client';
import { passwordLoginProvider } from './login-provider';
import { createSessionService, type SessionHandlers } from './session.service';
import { createSessionVault } from './session-vault';

/** The session channels' handlers for one data folder (spread into createHandlers). */
export function composeSession(options: { settings: SettingsService; secureStore: SecureStore; fetch?: typeof fetch }): SessionHandlers {
  const auth = createAuthClient({ fetch: options.fetch });
  return createSessionService({
    settings: options.settings,
    vault: createSessionVault(options.secureStore),
    password: passwordLoginProvider(auth),
    auth,
    deviceName: `Saksflyt – ${hostname()}`.slice(0, 100),
  });
}
