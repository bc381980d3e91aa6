import { AppError } from '../../../src-shared/kernel/app-error';
import type { Sql } from '../../db/database';
import { findUser } from '../accounts';

/**
 * External identities: an (issuer, subject) pair of an OpenID Connect provider, mapped to one
 * local account in `identities` (provider = the issuer URL, subject = the ID token's `sub`).
 * Only an administrator adds them: an unknown pair is never given an account by itself.
 */
export async function userOfIdentity(sql: Sql, issuer: string, subject: string): Promise<{ id: string; disabled: boolean } | undefined> {
  const [row] = await sql.query<{ id: string; disabled: boolean }>(
    'SELECT u.id, u.disabled FROM identities i JOIN users u ON u.id = i.user_id WHERE i.provider = $1 AND i.subject = $2',
    [issuer, subject],
  );
  return row;
}

/** Links the pair to the user; a pair linked to another user is refused, not moved. */
export async function linkIdentity(sql: Sql, link: { username: string; issuer: string; subject: string }): Promise<{ userId: string }> {
  const user = await findUser(sql, { username: link.username });
  if (!user) throw new AppError('not-found', `No user ${link.username}`);
  const [row] = await sql.query<{ user_id: string }>(
    `INSERT INTO identities (provider, subject, user_id) VALUES ($1, $2, $3)
     ON CONFLICT (provider, subject) DO UPDATE SET user_id = identities.user_id RETURNING user_id`,
    [link.issuer, link.subject, user.id],
  );
  if (row!.user_id !== user.id) throw new AppError('conflict', `This identity belongs to another user already; unlink it first`);
  return { userId: user.id };
}

/** Removes the pair's link; true when there was one. */
export async function unlinkIdentity(sql: Sql, link: { issuer: string; subject: string }): Promise<boolean> {
  const rows = await sql.query('DELETE FROM identities WHERE provider = $1 AND subject = $2 RETURNING user_id', [link.issuer, link.subject]);
  return rows.length > 0;
}
