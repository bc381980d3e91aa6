import { createHash } from 'node:crypto';
import type { Handlers } from '../../../src-shared/ipc/channels';
import type { AccessToken, PasswordCredentials, SessionGrant, SessionView, SignedOutReason } from '../../../src-shared/ipc/session.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { SettingsService } from '../settings/settings.service';
import { createSerialQueue } from '../fs/serial-queue';
import type { ServerSession } from '../../../src-shared/auth/auth.contract';
import { sessionError, sessionErrorCode, type AuthClient } from './auth-client';
import type { LoginProvider } from './login-provider';
import type { OidcSignIn } from './oidc/oidc-sign-in';
import { createPasswordVerifier, verifyPassword } from './password-verifier';
import { deviceKey, type SessionVault, type SignedInRecord, type StoredSession } from './session-vault';

export type SessionHandlers = Pick<
  Handlers,
  | 'sessionLogin'
  | 'sessionRefresh'
  | 'sessionLogout'
  | 'sessionCurrent'
  | 'sessionLock'
  | 'sessionUnlock'
  | 'sessionOidcProviders'
  | 'sessionLoginOidc'
  | 'sessionUnlockOidc'
  | 'sessionOidcCancel'
>;

export interface SessionServiceOptions {
  settings: Pick<SettingsService, 'get'>;
  vault: SessionVault;
  password: LoginProvider<PasswordCredentials>;
  /** Sign-in through the server's OIDC providers (Feide); absent where no browser can be reached. */
  oidc?: OidcSignIn;
  /** Refreshes and ends sessions at the server (whatever provider signed the user in), and lists its OIDC providers. */
  auth: Pick<AuthClient, 'refresh' | 'logout' | 'oidcProviders'>;
  deviceName: string;
  now?: () => number;
}

/** Wrong passwords at the lock screen before the session is ended (sign in against the server again). */
export const MAX_UNLOCK_ATTEMPTS = 5;
/** An access token with less left than this is refreshed rather than handed out. */
const MIN_TOKEN_LIFE_MS = 30_000;

/** Server answers that end the session here (the replica stays; only sign-in continues). */
const endingCodes: Record<string, SignedOutReason> = {
  'session-ended': 'expired',
  'user-disabled': 'user-disabled',
  'device-revoked': 'device-revoked',
};

/**
 * The session, owned by the main process. The refresh token lives only here and in the secure
 * store; the renderer gets short-lived access tokens. Locking is decided here too, so a reload of
 * the page cannot skip it, and a restarted app starts locked.
 */
export function createSessionService(options: SessionServiceOptions): SessionHandlers {
  const now = options.now ?? Date.now;
  const serial = createSerialQueue();
  let stored: StoredSession | undefined;
  let access: { token: string; expiresAt: number } | undefined;
  let locked = true;
  let failedUnlocks = 0;

  const load = async () => (stored ??= await options.vault.read());
  async function save(next: StoredSession): Promise<void> {
    await options.vault.write(next);
    stored = next;
  }

  function view(session: StoredSession): SessionView {
    const signedIn = session.signedIn;
    if (!signedIn) {
      return { state: 'signed-out', reason: session.signedOutReason, ...(session.lastUsername ? { lastUsername: session.lastUsername } : {}) };
    }
    return { state: locked ? 'locked' : 'active', ...signedInFields(signedIn) };
  }

  function grant(signedIn: SignedInRecord): SessionGrant {
    const token = access && access.expiresAt - now() > MIN_TOKEN_LIFE_MS ? access : undefined;
    return {
      ...signedInFields(signedIn),
      accessToken: token?.token ?? null,
      accessTokenExpiresAt: token ? new Date(token.expiresAt).toISOString() : null,
    };
  }

  async function signOut(reason: SignedOutReason): Promise<void> {
    const session = await load();
    access = undefined;
    locked = true;
    failedUnlocks = 0;
    await save({ ...session, signedIn: null, signedOutReason: reason });
  }

  /** A server answer just now: the offline time starts again, with the server's current limit. */
  function contact(session: ServerSession): SignedInRecord['serverContact'] {
    return { at: now(), maxOfflineSeconds: session.maxOfflineSeconds };
  }

  function offlineTooLong(signedIn: SignedInRecord): boolean {
    return now() - signedIn.serverContact.at > signedIn.serverContact.maxOfflineSeconds * 1000;
  }

  function keep(session: ServerSession): AccessToken {
    access = { token: session.accessToken, expiresAt: now() + session.expiresIn * 1000 };
    return { accessToken: access.token, accessTokenExpiresAt: new Date(access.expiresAt).toISOString() };
  }

  /** Rotates the refresh token. The new one is stored before the access token is handed out. */
  async function rotate(signedIn: SignedInRecord): Promise<AccessToken> {
    let next: ServerSession;
    try {
      next = await options.auth.refresh(signedIn.serverUrl, signedIn.refreshToken);
    } catch (error) {
      const ending = endingCodes[sessionErrorCode(error) ?? ''];
      if (ending) await signOut(ending);
      throw error;
    }
    const session = await load();
    await save({
      ...session,
      signedIn: { ...signedIn, refreshToken: next.refreshToken, user: next.user, deviceId: next.deviceId, serverContact: contact(next) },
    });
    return keep(next);
  }

  /**
   * Stores a sign-in the server just answered, whatever the provider: the previous session is
   * ended at the server, this one is unlocked. `lastUsername` stays as it was when not given.
   */
  async function storeSignIn(
    server: ServerSession,
    how: { serverUrl: string; provider: string; deviceKey: string; lastUsername?: string; passwordVerifier?: string },
  ): Promise<SessionGrant> {
    const session = await load();
    if (session.signedIn && session.signedIn.refreshToken !== server.refreshToken) {
      await options.auth.logout(session.signedIn.serverUrl, session.signedIn.refreshToken).catch(() => undefined);
    }
    const signedIn: SignedInRecord = {
      serverUrl: how.serverUrl,
      provider: how.provider,
      user: server.user,
      refreshToken: server.refreshToken,
      deviceId: server.deviceId,
      ...(how.passwordVerifier ? { passwordVerifier: how.passwordVerifier } : {}),
      serverContact: contact(server),
    };
    const lastUsername = how.lastUsername ?? session.lastUsername;
    await save({
      signedIn,
      signedOutReason: 'none',
      ...(lastUsername ? { lastUsername } : {}),
      devices: { ...session.devices, [how.deviceKey]: server.deviceId },
    });
    keep(server);
    locked = false;
    failedUnlocks = 0;
    return grant(signedIn);
  }

  function requireOidc(): OidcSignIn {
    if (!options.oidc) throw sessionError('precondition', 'oidc-browser-failed', 'Sign-in through a provider is not available here');
    return options.oidc;
  }

  async function requireSignedIn(): Promise<SignedInRecord> {
    const signedIn = (await load()).signedIn;
    if (!signedIn) throw sessionError('forbidden', 'signed-out', 'Not signed in');
    return signedIn;
  }

  return {
    sessionCurrent: () => serial(async () => view(await load())),

    sessionLogin: (credentials) =>
      serial(async () => {
        const { serverUrl } = await options.settings.get();
        const session = await load();
        const key = deviceKey(serverUrl, credentials.username);
        const provider = options.password;
        const [server, passwordVerifier] = await Promise.all([
          provider.signIn({ serverUrl, deviceName: options.deviceName, deviceId: session.devices[key] }, credentials),
          createPasswordVerifier(credentials.password),
        ]);
        return storeSignIn(server, { serverUrl, provider: provider.id, deviceKey: key, lastUsername: provider.usernameOf(credentials), passwordVerifier });
      }),

    sessionOidcProviders: async () => {
      const { serverUrl } = await options.settings.get();
      if (!serverUrl) return { providers: [] };
      return options.auth.oidcProviders(serverUrl).catch(() => ({ providers: [] }));
    },

    // The browser part runs outside the queue (it may take minutes); storing the result is queued.
    sessionLoginOidc: async ({ providerId }) => {
      const { serverUrl } = await options.settings.get();
      if (!serverUrl) throw sessionError('precondition', 'server-unreachable', 'No server address is set');
      const key = deviceKey(serverUrl, `oidc:${providerId}`);
      const deviceId = (await serial(load)).devices[key];
      const server = await requireOidc().signIn({ serverUrl, deviceName: options.deviceName, ...(deviceId ? { deviceId } : {}) }, providerId);
      return serial(() => storeSignIn(server, { serverUrl, provider: `oidc:${providerId}`, deviceKey: key }));
    },

    sessionUnlockOidc: async ({ providerId }) => {
      const signedIn = await serial(requireSignedIn);
      const server = await requireOidc().signIn({ serverUrl: signedIn.serverUrl, deviceName: options.deviceName, deviceId: signedIn.deviceId }, providerId);
      return serial(async () => {
        const current = (await load()).signedIn;
        if (current?.user.userId !== server.user.userId || current.serverUrl !== signedIn.serverUrl) {
          await options.auth.logout(signedIn.serverUrl, server.refreshToken).catch(() => undefined);
          throw sessionError('forbidden', 'oidc-wrong-user', `Signed in as ${server.user.name}, who is not the locked session's user: not unlocked`);
        }
        const { passwordVerifier } = current;
        return storeSignIn(server, {
          serverUrl: current.serverUrl,
          provider: current.provider,
          deviceKey: deviceKey(current.serverUrl, `oidc:${providerId}`),
          ...(passwordVerifier ? { passwordVerifier } : {}),
        });
      });
    },

    sessionOidcCancel: async () => options.oidc?.cancel(),

    sessionRefresh: ({ expiredToken }) =>
      serial(async () => {
        const signedIn = await requireSignedIn();
        if (access && access.token !== expiredToken && access.expiresAt - now() > MIN_TOKEN_LIFE_MS) {
          return { accessToken: access.token, accessTokenExpiresAt: new Date(access.expiresAt).toISOString() };
        }
        return rotate(signedIn);
      }),

    sessionLogout: () =>
      serial(async () => {
        const signedIn = (await load()).signedIn;
        if (signedIn) {
          await signOut('logged-out');
          // The local sign-out stands even when the server cannot be told (it expires the token later).
          await options.auth.logout(signedIn.serverUrl, signedIn.refreshToken).catch(() => undefined);
        }
        return view(await load());
      }),

    sessionLock: () =>
      serial(async () => {
        locked = true;
        return view(await load());
      }),

    sessionUnlock: ({ password }) =>
      serial(async () => {
        const signedIn = await requireSignedIn();
        const verified = signedIn.passwordVerifier !== undefined && (await verifyPassword(signedIn.passwordVerifier, password));
        if (!verified) {
          failedUnlocks += 1;
          if (failedUnlocks >= MAX_UNLOCK_ATTEMPTS) {
            await signOut('unlock-attempts');
            throw sessionError('forbidden', 'unlock-attempts', 'Too many wrong passwords: sign in again');
          }
          throw sessionError('forbidden', 'invalid-credentials', 'Wrong password');
        }
        failedUnlocks = 0;
        // Past the maximum offline time the password alone does not unlock: the server must answer.
        const mustReachServer = offlineTooLong(signedIn);
        if (mustReachServer || grant(signedIn).accessToken === null) {
          try {
            await rotate(signedIn);
          } catch (error) {
            if (sessionErrorCode(error) !== 'server-unreachable' && sessionErrorCode(error) !== 'server-error') throw error;
            const maxOfflineDays = Math.ceil(signedIn.serverContact.maxOfflineSeconds / 86_400);
            if (mustReachServer) {
              throw new AppError('precondition', `Offline for more than ${maxOfflineDays} days: connect to the network to unlock`, {
                code: 'offline-too-long',
                maxOfflineDays,
              });
            }
            // Offline within the limit: unlocked all the same; sync asks for a token again when the server answers.
          }
        }
        locked = false;
        return grant(signedIn);
      }),
  };
}

function signedInFields(signedIn: SignedInRecord) {
  return {
    user: signedIn.user,
    serverUrl: signedIn.serverUrl,
    provider: signedIn.provider,
    replicaId: replicaIdOf(signedIn.serverUrl, signedIn.user.userId),
  };
}

/** One local replica per server and user: another user on the same laptop never opens it. */
export function replicaIdOf(serverUrl: string, userId: string): string {
  const server = new URL(serverUrl);
  const base = `${server.origin}${server.pathname.replace(/\/+$/, '')}`;
  return createHash('sha256').update(`${base}\u0000${userId}`).digest('hex').slice(0, 24);
}
