import type { PasswordCredentials } from '../../../src-shared/ipc/session.contract';
import type { ServerSession } from '../../../src-shared/auth/auth.contract';
import type { AuthClient } from './auth-client';

/** Where and as which device a sign-in happens. */
export interface SignInContext {
  serverUrl: string;
  deviceId?: string;
  deviceName: string;
}

/**
 * One way to prove who you are. A provider only turns its own input into the server's session
 * (access token, rotating refresh token, device, user); storing tokens, refreshing, locking and
 * sync are the same for every provider. Feide (OIDC) opens the system browser or redirects the
 * tab instead (./oidc/oidc-sign-in.ts) and ends in the same server session.
 */
export interface LoginProvider<Input> {
  readonly id: string;
  signIn(context: SignInContext, input: Input): Promise<ServerSession>;
  /** The name to offer at the next sign-in. */
  usernameOf(input: Input): string;
}

/** Username and password, checked by the server (`POST /auth/login`). */
export function passwordLoginProvider(client: AuthClient): LoginProvider<PasswordCredentials> {
  return {
    id: 'password',
    signIn: (context, input) =>
      client.login(context.serverUrl, { ...input, deviceName: context.deviceName, ...(context.deviceId ? { deviceId: context.deviceId } : {}) }),
    usernameOf: (input) => input.username,
  };
}
