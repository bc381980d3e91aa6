import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../../db/database';

/**
 * Personal invitation links of the portal (an applicant to their application, a new nominator to
 * their account). The link carries a random token; only its SHA-256 is stored. A token works
 * once, before it expires, and only together with the e-mail address it was sent to; after
 * MAX_FAILED_ATTEMPTS tries with another address it stops working. A new invitation to the same
 * person replaces the ones they have not used.
 */
export const invitationKinds = ['applicant', 'nominator'] as const;
export type InvitationKind = (typeof invitationKinds)[number];

export const INVITATION_DAYS: Record<InvitationKind, number> = { applicant: 14, nominator: 7 };
export const MAX_FAILED_ATTEMPTS = 5;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export interface NewInvitation {
  kind: InvitationKind;
  /** applicant: the person id; nominator: the account's user id. */
  userId: string;
  email: string;
  /** Who sent it: a staff user, a nominator, or the system. */
  createdBy: string;
  now: Date;
  /** Defaults to INVITATION_DAYS[kind]. */
  validDays?: number;
}

/** Stores a new invitation (replacing the person's unused ones) and returns its token, to be sent in a link and never stored. */
export async function createInvitation(sql: Sql, invitation: NewInvitation): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(invitation.now.getTime() + (invitation.validDays ?? INVITATION_DAYS[invitation.kind]) * 86_400_000);
  await sql.query('DELETE FROM portal_invitations WHERE kind = $1 AND user_id = $2 AND used_at IS NULL', [invitation.kind, invitation.userId]);
  await sql.query(`INSERT INTO portal_invitations (token_hash, kind, user_id, email, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    hashOf(token),
    invitation.kind,
    invitation.userId,
    invitation.email.trim(),
    invitation.createdBy,
    invitation.now.toISOString(),
    expiresAt.toISOString(),
  ]);
  return { token, expiresAt };
}

/** Whether the person has an unused invitation sent after `since` (a link just sent need not be sent again). */
export async function hasFreshInvitation(sql: Sql, kind: InvitationKind, userId: string, since: Date): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM portal_invitations WHERE kind = $1 AND user_id = $2 AND used_at IS NULL AND created_at > $3',
    [kind, userId, since.toISOString()],
  );
  return (row?.n ?? 0) > 0;
}

export type RedeemRefusal = 'unknown' | 'used' | 'expired' | 'wrong-email';
export type RedeemResult = { ok: true; userId: string; email: string } | { ok: false; reason: RedeemRefusal };

/**
 * Uses an invitation: under its row lock, the token must be of `kind`, unused, unexpired, and
 * `email` the address it was sent to (case and spaces aside). Marks it used. Run it in the
 * transaction that does what the invitation gives, so a failure after it leaves the link usable.
 */
export async function redeemInvitation(sql: Sql, input: { kind: InvitationKind; token: string; email: string; now: Date }): Promise<RedeemResult> {
  const [row] = await sql.query<{ user_id: string; email: string; expires_at: Date | string; used_at: unknown; failed_attempts: number }>(
    'SELECT user_id, email, expires_at, used_at, failed_attempts FROM portal_invitations WHERE token_hash = $1 AND kind = $2 FOR UPDATE',
    [hashOf(input.token), input.kind],
  );
  if (!row || row.failed_attempts >= MAX_FAILED_ATTEMPTS) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= input.now.getTime()) return { ok: false, reason: 'expired' };
  if (!sameAddress(row.email, input.email)) {
    await sql.query('UPDATE portal_invitations SET failed_attempts = failed_attempts + 1 WHERE token_hash = $1', [hashOf(input.token)]);
    return { ok: false, reason: 'wrong-email' };
  }
  await sql.query('UPDATE portal_invitations SET used_at = $2 WHERE token_hash = $1', [hashOf(input.token), input.now.toISOString()]);
  return { ok: true, userId: row.user_id, email: row.email };
}

/** The link in the e-mail: the portal's page for the kind, with the token after `#` (never sent to a server log). */
export function invitationUrl(publicUrl: string, kind: InvitationKind, token: string): string {
  const page = kind === 'applicant' ? 'soknad' : 'invitasjon';
  return `${publicUrl.replace(/\/+$/, '')}/portal/#/${page}/${token}`;
}
