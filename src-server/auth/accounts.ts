import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorScopeSchema, roles, type Actor, type ActorScope, type Role } from '../../src-shared/domain/access';
import { AppError } from '../../src-shared/kernel/app-error';
import type { Sql } from '../db/database';
import { hashPassword } from './password';
import { publishStaff } from './staff-directory';

/** Users and their devices. Accounts are local; external identities map onto them (identities). */
export interface UserRecord {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  scope: ActorScope;
  /** '' when none is known. */
  email: string;
  disabled: boolean;
  createdAt: string;
}

export const newUserSchema = z.object({
  id: z.string().min(1).max(64).optional(),
  username: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  password: z.string().min(8).max(200).optional(),
  roles: z.array(z.enum(roles)).min(1),
  scope: actorScopeSchema,
  email: z.union([z.email(), z.literal('')]).default(''),
});
export type NewUser = z.input<typeof newUserSchema>;

interface UserRow {
  id: string;
  username: string;
  name: string;
  password_hash: string | null;
  roles: string;
  scope: string;
  email: string;
  disabled: boolean;
  created_at: string | Date;
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles: JSON.parse(row.roles) as Role[],
    scope: JSON.parse(row.scope) as ActorScope,
    email: row.email,
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function actorOf(user: UserRecord): Actor {
  return { userId: user.id, name: user.name, roles: user.roles, scope: user.scope };
}

export async function addUser(sql: Sql, input: NewUser): Promise<UserRecord> {
  const user = newUserSchema.parse(input);
  const [existing] = await sql.query('SELECT 1 FROM users WHERE username = $1', [user.username]);
  if (existing) throw new AppError('conflict', `User ${user.username} exists already`);
  const passwordHash = user.password ? await hashPassword(user.password) : null;
  const [row] = await sql.query<UserRow>(
    `INSERT INTO users (id, username, name, password_hash, roles, scope, email) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [user.id ?? randomUUID(), user.username, user.name, passwordHash, JSON.stringify(user.roles), JSON.stringify(user.scope), user.email],
  );
  return published(sql, toUser(row!));
}

export async function listUsers(sql: Sql): Promise<UserRecord[]> {
  return (await sql.query<UserRow>('SELECT * FROM users ORDER BY username')).map(toUser);
}

export async function findUser(sql: Sql, by: { id?: string; username?: string }): Promise<(UserRecord & { passwordHash: string | null }) | undefined> {
  const [row] = by.id
    ? await sql.query<UserRow>('SELECT * FROM users WHERE id = $1', [by.id])
    : await sql.query<UserRow>('SELECT * FROM users WHERE username = $1', [by.username]);
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

export async function setUserDisabled(sql: Sql, username: string, disabled: boolean): Promise<UserRecord> {
  const [row] = await sql.query<UserRow>('UPDATE users SET disabled = $2 WHERE username = $1 RETURNING *', [username, disabled]);
  if (!row) throw new AppError('not-found', `No user ${username}`);
  if (disabled) {
    await sql.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [row.id]);
  }
  await notifyAccessChange(sql, `user:${row.id}`);
  return published(sql, toUser(row));
}

/** Changes what a user may see; the user's devices purge what fell out of scope at next sync. */
export async function setUserAccess(sql: Sql, username: string, access: { roles: Role[]; scope: ActorScope }): Promise<UserRecord> {
  const [row] = await sql.query<UserRow>('UPDATE users SET roles = $2, scope = $3 WHERE username = $1 RETURNING *', [
    username,
    JSON.stringify(z.array(z.enum(roles)).min(1).parse(access.roles)),
    JSON.stringify(actorScopeSchema.parse(access.scope)),
  ]);
  if (!row) throw new AppError('not-found', `No user ${username}`);
  await notifyAccessChange(sql, `user:${row.id}`);
  return published(sql, toUser(row));
}

/** Every change of an account reaches the staff directory the laptops replicate. */
async function published(sql: Sql, user: UserRecord): Promise<UserRecord> {
  await publishStaff(sql, [user]);
  return user;
}

/** Ends the live streams of a user ("user:<id>") or device ("device:<id>") on every server instance. */
async function notifyAccessChange(sql: Sql, payload: string): Promise<void> {
  await sql.query(`SELECT pg_notify('sync_access_' || current_schema(), $1)`, [payload]);
}

export interface DeviceRecord {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

interface DeviceRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string | Date;
  last_seen_at: string | Date | null;
  revoked_at: string | Date | null;
}

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());
function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: iso(row.created_at)!,
    lastSeenAt: iso(row.last_seen_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** Registers the device a user signs in on, or reuses it when it is theirs and not revoked. */
export async function ensureDevice(sql: Sql, userId: string, deviceId: string | undefined, name: string): Promise<DeviceRecord> {
  if (deviceId) {
    const [row] = await sql.query<DeviceRow>('SELECT * FROM devices WHERE id = $1', [deviceId]);
    if (row && row.user_id === userId && !row.revoked_at) return toDevice(row);
  }
  const [row] = await sql.query<DeviceRow>('INSERT INTO devices (id, user_id, name) VALUES ($1, $2, $3) RETURNING *', [randomUUID(), userId, name]);
  return toDevice(row!);
}

export async function findDevice(sql: Sql, deviceId: string): Promise<DeviceRecord | undefined> {
  const [row] = await sql.query<DeviceRow>('SELECT * FROM devices WHERE id = $1', [deviceId]);
  return row && toDevice(row);
}

export async function listDevices(sql: Sql, userId?: string): Promise<DeviceRecord[]> {
  const rows = userId
    ? await sql.query<DeviceRow>('SELECT * FROM devices WHERE user_id = $1 ORDER BY created_at', [userId])
    : await sql.query<DeviceRow>('SELECT * FROM devices ORDER BY created_at');
  return rows.map(toDevice);
}

/** Revokes a device: its tokens stop working and the app wipes its replica at next contact. */
export async function revokeDevice(sql: Sql, deviceId: string): Promise<DeviceRecord> {
  const [row] = await sql.query<DeviceRow>('UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING *', [deviceId]);
  if (!row) throw new AppError('not-found', `No device ${deviceId}`);
  await sql.query('UPDATE refresh_tokens SET revoked_at = now() WHERE device_id = $1 AND revoked_at IS NULL', [deviceId]);
  await notifyAccessChange(sql, `device:${deviceId}`);
  return toDevice(row);
}
