import { BehaviorSubject } from 'rxjs';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import { sessionErrorDetailsSchema, type AccessToken, type SessionErrorCode } from '../../../src-shared/ipc/session.contract';
import { SyncRequestError, type SyncAuth } from '../../sync/sync-transport';

/** A token with less left than this is refreshed before use. */
const MIN_LIFE_MS = 30_000;

/** Answers of the main process after which there is no session any more (sign in again). */
const endingCodes: readonly SessionErrorCode[] = ['signed-out', 'session-ended', 'user-disabled', 'device-revoked', 'unlock-attempts'];

/**
 * Access tokens for the sync client, fetched from the main process (which alone holds the refresh
 * token). One refresh at a time; a token the server refused is named, so the main process rotates
 * only when it has nothing newer. When the server cannot be reached the sync request fails as a
 * network error (kept, retried later) instead of signing the user out.
 */
export class AccessTokens implements SyncAuth {
  /** False while the main process could not reach the server for a token. */
  readonly reachable$ = new BehaviorSubject(true);
  private token: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string | null> | undefined;

  constructor(
    private readonly api: Pick<SaksflytApi, 'sessionRefresh'>,
    initial: { accessToken: string | null; accessTokenExpiresAt: string | null },
    /** The session ended (expired, revoked, disabled): the app returns to sign-in. */
    private readonly onSessionEnded: (code: SessionErrorCode) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.offer(initial);
  }

  /** A token the main process handed out elsewhere (sign-in, unlock). */
  offer(token: { accessToken: string | null; accessTokenExpiresAt: string | null }): void {
    if (token.accessToken && token.accessTokenExpiresAt) {
      this.keep({ accessToken: token.accessToken, accessTokenExpiresAt: token.accessTokenExpiresAt });
      this.reachable$.next(true);
    }
  }

  getAccessToken = async (): Promise<string | null> => {
    if (this.token && this.token.expiresAt - this.now() > MIN_LIFE_MS) return this.token.value;
    return this.fetchToken(this.token?.value);
  };

  /** The server said the token expired: get another one. */
  refresh = (): Promise<string | null> => this.fetchToken(this.token?.value);

  private fetchToken(expiredToken: string | undefined): Promise<string | null> {
    this.pending ??= this.ask(expiredToken).finally(() => (this.pending = undefined));
    return this.pending;
  }

  private async ask(expiredToken: string | undefined): Promise<string | null> {
    const result = await this.api.sessionRefresh(expiredToken ? { expiredToken } : {});
    if (result.ok) {
      this.reachable$.next(true);
      return this.keep(result.value);
    }
    const details = sessionErrorDetailsSchema.safeParse(result.error.details);
    const code = details.success ? details.data.code : undefined;
    if (code && endingCodes.includes(code)) {
      this.token = undefined;
      this.onSessionEnded(code);
      return null;
    }
    this.reachable$.next(false);
    throw new SyncRequestError('network', 0, `No access token: ${result.error.message}`);
  }

  private keep(token: AccessToken): string {
    this.token = { value: token.accessToken, expiresAt: Date.parse(token.accessTokenExpiresAt) };
    return token.accessToken;
  }
}
