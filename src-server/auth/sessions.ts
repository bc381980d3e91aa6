import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../src-shared/domain/access';
import { appendAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import type { AccessTokens } from './access-token';
import { actorOf, ensureDevice, findUser } from './accounts';

/**
 * Sessions, independent of how the user proved who they are: a login provider (local password
 * today, Feide/OIDC later) resolves a user id, and `issueSession` does the rest. Sync only ever
 * sees the access token, so adding a provider does not touch it.
 *
 * Refresh tokens rotate: each use returns a new one and marks the old one used. Presenting a used
 * token again means it was copied, so the whole family (that device's session) is revoked.
 */
export const REFRESH_TOKEN_DAYS = 30;
/** Days a laptop may work without reaching the server before it must unlock online (MAX_OFFLINE_DAYS). */
export const DEFAULT_MAX_OFFLINE_DAYS = 30;

export interface Session {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  deviceId: string;
  user: Actor;
  maxOfflineSeconds: number;
}

const DAY_SECONDS = 24 * 60 * 60;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function storeRefreshToken(db: Pick<Database, 'query'>, familyId: string, userId: string, deviceId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(
    `INSERT INTO refresh_tokens (token_hash, family_id, user_id, device_id, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
    [hashToken(token), familyId, userId, deviceId, REFRESH_TOKEN_DAYS],
  );
  return token;
}

export async function issueSession(
  db: Database,
  tokens: AccessTokens,
  login: { userId: string; deviceId?: string; deviceName: string; provider: string },
  maxOfflineDays = DEFAULT_MAX_OFFLINE_DAYS,
): Promise<Session> {
  return db.transaction(async (tx) => {
    const user = await findUser(tx, { id: login.userId });
    if (!user || user.disabled) throw HttpError.unauthorized('user-disabled', 'This account is disabled');
    const device = await ensureDevice(tx, user.id, login.deviceId, login.deviceName);
    const refreshToken = await storeRefreshToken(tx, randomUUID(), user.id, device.id);
    const access = await tokens.issue(user.id, device.id);
    await appendAudit(tx, [{ actorId: user.id, deviceId: device.id, action: 'login', outcome: 'ok', detail: { provider: login.provider } }]);
    return {
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken,
      deviceId: device.id,
      user: actorOf(user),
      maxOfflineSeconds: maxOfflineDays * DAY_SECONDS,
    };
  });
}

interface RefreshRow {
  family_id: string;
  user_id: string;
  device_id: string;
  used_at: Date | string | null;
  revoked_at: Date | string | null;
  expired: boolean;
}

export async function refreshSession(db: Database, tokens: AccessTokens, refreshToken: string, maxOfflineDays = DEFAULT_MAX_OFFLINE_DAYS): Promise<Session> {
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.query<RefreshRow>(
      `SELECT family_id, user_id, device_id, used_at, revoked_at, expires_at < now() AS expired FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [hashToken(refreshToken)],
    );
    if (!row) return { error: HttpError.unauthorized('unauthenticated', 'Unknown refresh token') };
    const [device] = await tx.query<{ revoked_at: unknown }>('SELECT revoked_at FROM devices WHERE id = $1', [row.device_id]);
    if (device?.revoked_at) return { error: HttpError.unauthorized('device-revoked', 'This device was revoked; its local data is removed') };
    if (row.used_at) {
      await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id]);
      await appendAudit(tx, [{ actorId: row.user_id, deviceId: row.device_id, action: 'refresh', outcome: 'denied', reason: 'refresh-reused' }]);
      return { error: HttpError.unauthorized('refresh-reused', 'This sign-in was used elsewhere; sign in again') };
    }
    if (row.revoked_at || row.expired) return { error: HttpError.unauthorized('unauthenticated', 'Session ended; sign in again') };
    const user = await findUser(tx, { id: row.user_id });
    if (!user || user.disabled) return { error: HttpError.unauthorized('user-disabled', 'This account is disabled') };
    await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1', [hashToken(refreshToken)]);
    const next = await storeRefreshToken(tx, row.family_id, row.user_id, row.device_id);
    const access = await tokens.issue(row.user_id, row.device_id);
    const session: Session = {
      accessToken: access.token,
      expiresIn: access.expiresIn,
      refreshToken: next,
      deviceId: row.device_id,
      user: actorOf(user),
      maxOfflineSeconds: maxOfflineDays * DAY_SECONDS,
    };
    return { session };
  });
  // The reuse revocation above must commit, so the error is thrown after the transaction.
  if ('error' in outcome) throw outcome.error;
  return outcome.session;
}

/** Ends the session the refresh token belongs to (this device only). */
export async function endSession(db: Database, refreshToken: string): Promise<void> {
  await db.query(
    `UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)`,
    [hashToken(refreshToken)],
  );
}
