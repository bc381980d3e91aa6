import { AppError } from '../../src-shared/kernel/app-error';
import type { Sql } from '../db/database';

/**
 * Account administrators: users who may see and revoke every account's devices. Kept apart from the
 * domain's roles (what a user may see of cases), so granting it changes nothing the laptops replicate.
 */
export async function isAccountAdmin(sql: Sql, userId: string): Promise<boolean> {
  const [row] = await sql.query<{ account_admin: boolean }>('SELECT account_admin FROM users WHERE id = $1', [userId]);
  return row?.account_admin ?? false;
}

export async function setAccountAdmin(sql: Sql, username: string, admin: boolean): Promise<void> {
  const [row] = await sql.query('UPDATE users SET account_admin = $2 WHERE username = $1 RETURNING id', [username, admin]);
  if (!row) throw new AppError('not-found', `No user ${username}`);
}
