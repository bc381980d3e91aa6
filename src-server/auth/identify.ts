import type { Actor } from '../../src-shared/domain/access';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import type { AccessTokens } from './access-token';

/** Who is calling: resolved from the access token on every request, so revocations act at once. */
export interface Identity {
  actor: Actor;
  deviceId: string;
  /** Access token expiry, seconds since epoch. */
  expiresAt: number;
}

const SEEN_INTERVAL_MS = 60_000;

export function identifier(db: Database, tokens: AccessTokens) {
  const lastSeen = new Map<string, number>();
  return async function identify(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    if (!match) throw HttpError.unauthorized('unauthenticated', 'Sign in first (missing bearer token)');
    const claims = await tokens.verify(match[1]!);
    const [row] = await db.query<{ revoked: boolean; id: string; name: string; roles: string; scope: string; disabled: boolean }>(
      `SELECT d.revoked_at IS NOT NULL AS revoked, u.id, u.name, u.roles, u.scope, u.disabled
         FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1 AND d.user_id = $2`,
      [claims.deviceId, claims.userId],
      { prepare: 'identify-device-user' },
    );
    if (!row) throw HttpError.unauthorized('unauthenticated', 'Unknown device or user');
    if (row.revoked) throw HttpError.unauthorized('device-revoked', 'This device was revoked; its local data is removed');
    if (row.disabled) throw HttpError.unauthorized('user-disabled', 'This account is disabled');
    const actor: Actor = { userId: row.id, name: row.name, roles: JSON.parse(row.roles) as Actor['roles'], scope: JSON.parse(row.scope) as Actor['scope'] };
    const now = Date.now();
    if ((lastSeen.get(claims.deviceId) ?? 0) < now - SEEN_INTERVAL_MS) {
      lastSeen.set(claims.deviceId, now);
      await db.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [claims.deviceId]);
    }
    return { actor, deviceId: claims.deviceId, expiresAt: claims.exp };
  };
}
