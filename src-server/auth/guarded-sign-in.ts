import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import type { LoginProvider } from './login-provider';
import { auditFailedSignIn } from './sign-in-audit';
import type { SignInLimiter } from './sign-in-limiter';

/**
 * A sign-in through `provider` under the sign-in limits: throws TooManySignIns (429) before the
 * check when the account or address is locked, and audits every failure (and the lock-out it causes).
 */
export async function guardedSignIn(
  deps: { db: Database; provider: LoginProvider; limit: SignInLimiter },
  credentials: { username: string; password: string },
  address: string,
): Promise<{ userId: string }> {
  const attempt = await deps.limit(credentials.username, address);
  try {
    const user = await deps.provider.authenticate(credentials);
    await attempt.succeeded();
    return user;
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 401)) {
      await attempt.abandoned();
      throw error;
    }
    const locked = await attempt.failed();
    await auditFailedSignIn(deps.db, { username: credentials.username, address, provider: deps.provider.id, reason: error.code, locked });
    throw error;
  }
}
