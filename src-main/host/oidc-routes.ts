import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { oidcProviderIdSchema } from '../../src-shared/auth/oidc.contract';
import type { Handlers } from '../../src-shared/ipc/channels';
import { browserHostOidcRoutes, oidcPurposes } from '../../src-shared/ipc/session.contract';
import { sessionErrorCode } from '../services/session/auth-client';
import { callbackPage } from '../services/session/oidc/callback-page';
import type { TabRedirect } from '../services/session/oidc/tab-redirect';

/** Reached by the server's redirect from another origin: exempt from the host's same-origin check, guarded by `state`. */
export const OIDC_CALLBACK_PATH = browserHostOidcRoutes.callback;

const startQuerySchema = z.strictObject({ provider: oidcProviderIdSchema, purpose: z.enum(oidcPurposes).default('sign-in') });

/**
 * Browser mode's sign-in through a provider, with normal redirects of the tab: the page sends the
 * tab to `/oidc/start?provider=…&purpose=sign-in|unlock`, which runs the session's OIDC sign-in
 * (or unlock) and redirects to the server's start URL; the server sends the tab back to
 * `/oidc/callback`, which finishes it and returns the tab to the app (`/`, with `oidc-error=<code>`
 * when it failed). Answers true when `path` was one of these routes.
 */
export async function oidcRoute(
  path: string,
  query: URLSearchParams,
  res: ServerResponse,
  deps: { tab: TabRedirect; handlers: Pick<Handlers, 'sessionLoginOidc' | 'sessionUnlockOidc'>; headers: Record<string, string> },
): Promise<boolean> {
  if (path === browserHostOidcRoutes.start) {
    const start = startQuerySchema.safeParse(Object.fromEntries(query));
    if (!start.success) return answerPage(res, 400, deps.headers);
    const { provider, purpose } = start.data;
    const signIn = purpose === 'unlock' ? deps.handlers.sessionUnlockOidc : deps.handlers.sessionLoginOidc;
    await deps.tab
      .start(() => signIn({ providerId: provider }))
      .then(
        (url) => redirect(res, url, deps.headers),
        (error: unknown) => redirect(res, failed(error), deps.headers),
      );
    return true;
  }
  if (path === OIDC_CALLBACK_PATH) {
    const outcome = deps.tab.callback(query);
    if (!outcome) return answerPage(res, 400, deps.headers);
    await outcome.then(
      () => returnToApp(res, '/', deps.headers),
      (error: unknown) => returnToApp(res, failed(error), deps.headers),
    );
    return true;
  }
  return false;
}

function failed(error: unknown): string {
  return `/?${new URLSearchParams({ [browserHostOidcRoutes.errorParam]: sessionErrorCode(error) ?? 'server-error' }).toString()}`;
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string>): void {
  res.writeHead(303, { ...headers, Location: location, 'Cache-Control': 'no-store', 'Content-Length': '0' });
  res.end();
}

/**
 * Back to the app from the callback. Not a redirect: after the provider's pages the navigation
 * counts as cross-site and the host would refuse `/`; the page's own refresh is same-origin.
 */
function returnToApp(res: ServerResponse, location: string, headers: Record<string, string>): void {
  const body = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${location}"><title>Saksflyt</title></head><body><p><a href="${location}">Tilbake til Saksflyt / Back to Saksflyt</a></p></body></html>`;
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function answerPage(res: ServerResponse, status: number, headers: Record<string, string>): true {
  const body = callbackPage('unknown');
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
  });
  res.end(body);
  return true;
}
