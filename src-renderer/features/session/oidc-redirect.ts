import { z } from 'zod';
import { browserHostOidcRoutes, sessionErrorCodes, type SessionErrorCode } from '../../../src-shared/ipc/session.contract';

export type OidcPurpose = 'sign-in' | 'unlock';

/**
 * In browser mode (no preload bridge) the tab itself goes to the provider and back through the
 * browser host's routes; in the desktop app the main process opens the system browser.
 */
export function signsInByRedirect(): boolean {
  return !window.saksflyt;
}

export function redirectToProvider(providerId: string, purpose: OidcPurpose): void {
  window.location.assign(`${browserHostOidcRoutes.start}?${new URLSearchParams({ provider: providerId, purpose }).toString()}`);
}

const errorCodeSchema = z.enum(sessionErrorCodes);

/** Why the sign-in the tab came back from failed (browser mode), if it did. */
export function oidcErrorInUrl(): SessionErrorCode | undefined {
  const parsed = errorCodeSchema.safeParse(new URLSearchParams(window.location.search).get(browserHostOidcRoutes.errorParam));
  return parsed.success ? parsed.data : undefined;
}

/** Takes the failure out of the address once shown, so a reload does not show it again. */
export function clearOidcErrorFromUrl(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has(browserHostOidcRoutes.errorParam)) return;
  url.searchParams.delete(browserHostOidcRoutes.errorParam);
  window.history.replaceState(window.history.state, '', url);
}
