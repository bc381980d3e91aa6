import type { DeviceView } from '../../src-shared/auth/devices.contract';
import type { Sql } from '../db/database';

/** The devices listing shows at most this many (the most recently seen first). */
export const DEVICE_LIST_LIMIT = 500;

interface DeviceViewRow {
  id: string;
  name: string;
  user_id: string;
  username: string;
  user_name: string;
  created_at: string | Date;
  last_seen_at: string | Date | null;
  revoked_at: string | Date | null;
  live_session: boolean;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

/** Devices with their user, last contact and whether a refresh token of theirs still works. */
export async function deviceViews(sql: Sql, filter: { userId?: string; deviceId?: string } = {}): Promise<DeviceView[]> {
  const rows = await sql.query<DeviceViewRow>(
    `SELECT d.id, d.name, d.user_id, u.username, u.name AS user_name, d.created_at, d.last_seen_at, d.revoked_at,
            EXISTS (SELECT 1 FROM refresh_tokens t
                     WHERE t.device_id = d.id AND t.revoked_at IS NULL AND t.used_at IS NULL AND t.expires_at > now()) AS live_session
       FROM devices d JOIN users u ON u.id = d.user_id
      WHERE ($1::text IS NULL OR d.user_id = $1) AND ($2::text IS NULL OR d.id = $2)
      ORDER BY d.last_seen_at DESC NULLS LAST, d.created_at DESC
      LIMIT ${DEVICE_LIST_LIMIT}`,
    [filter.userId ?? null, filter.deviceId ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    userName: row.user_name,
    createdAt: iso(row.created_at)!,
    lastSeenAt: iso(row.last_seen_at),
    revokedAt: iso(row.revoked_at),
    liveSession: row.live_session,
  }));
}
