import { AppError } from '../../../../src-shared/kernel/app-error';
import { sessionError } from '../auth-client';
import type { OidcBrowser } from './oidc-sign-in';
import { stoppedSignIn } from './stopped-sign-in';

/**
 * Browser mode's way to the provider: a normal redirect of the tab itself. The browser host's
 * start route runs the sign-in (a session handler) through `start` and sends the tab to the URL
 * the sign-in opens; the provider's answer comes back to the host's callback route, which hands
 * it to the sign-in awaiting its state through `callback`.
 */
export interface TabRedirect extends OidcBrowser {
  /** Runs `signIn` and resolves with the URL to send the tab to; rejects with the sign-in's error if it fails before. */
  start(signIn: () => Promise<unknown>): Promise<string>;
  /** Hands a callback's query to the sign-in awaiting its state: that sign-in's outcome, or undefined when none awaits it. */
  callback(query: URLSearchParams): Promise<unknown> | undefined;
}

export function createTabRedirect(callbackUrl: () => string): TabRedirect {
  let open: ((opened: { url: string; state: string }) => void) | undefined;
  const awaiting = new Map<string, { deliver(query: URLSearchParams): void; outcome?: Promise<unknown> }>();

  return {
    authorize(startUrl, state, signal) {
      const opening = open;
      if (!opening)
        return Promise.reject(sessionError('precondition', 'oidc-browser-failed', 'In browser mode the sign-in starts from the page (the host’s /oidc/start)'));
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(stoppedSignIn(signal));
        const stop = () => {
          awaiting.delete(state);
          reject(stoppedSignIn(signal));
        };
        signal.addEventListener('abort', stop, { once: true });
        awaiting.set(state, {
          deliver: (query) => {
            signal.removeEventListener('abort', stop);
            resolve(query);
          },
        });
        opening({ url: startUrl(callbackUrl()), state });
      });
    },

    async start(signIn) {
      let opener: typeof open;
      const opened = new Promise<{ url: string; state: string }>((resolve) => (opener = open = resolve));
      const outcome = signIn();
      // Settled here too: a tab that never comes back leaves nobody else to read the outcome.
      outcome.catch(() => undefined);
      try {
        const { url, state } = await Promise.race([
          opened,
          outcome.then(() => Promise.reject(new AppError('internal', 'The sign-in ended without sending the browser to the provider'))),
        ]);
        const waiting = awaiting.get(state);
        if (waiting) waiting.outcome = outcome;
        return url;
      } finally {
        if (open === opener) open = undefined;
      }
    },

    callback(query) {
      const state = query.get('state') ?? '';
      const waiting = awaiting.get(state);
      if (!waiting) return undefined;
      awaiting.delete(state);
      waiting.deliver(query);
      return waiting.outcome;
    },
  };
}
