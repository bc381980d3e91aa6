import { sessionError } from '../auth-client';
import { startLoopbackReceiver } from './loopback-receiver';
import type { OidcBrowser } from './oidc-sign-in';

/**
 * The desktop app's way to the provider (RFC 8252): the user's system browser, never a web view
 * inside the app, and a loopback listener for the redirect back. `openExternal` is Electron's
 * shell.openExternal.
 */
export function systemBrowser(openExternal: (url: string) => Promise<void>): OidcBrowser {
  return {
    async authorize(startUrl, state, signal) {
      const receiver = await startLoopbackReceiver();
      try {
        const callback = receiver.waitFor(state, signal);
        try {
          await openExternal(startUrl(receiver.redirectUri));
        } catch (error) {
          callback.catch(() => undefined);
          throw sessionError('external', 'oidc-browser-failed', `The browser could not be opened (${String(error)})`);
        }
        return await callback;
      } finally {
        await receiver.close();
      }
    },
  };
}
