import { createHash } from 'node:crypto';
import type { Sql } from '../../../db/database';

/**
 * A partner's nominator account as its life cycle sees it (issue 11): invited by staff, active once
 * the invitation is accepted, deactivated automatically, purged after the retention period. The
 * account is a `users` row with role `nominator`; these columns come from migration 012.
 */
export const nominatorStatuses = ['invited', 'active', 'deactivated', 'purged', 'disabled'] as const;
export type NominatorStatus = (typeof nominatorStatuses)[number];
export const deactivationReasons = ['agreements-ended', 'idle'] as const;
export type DeactivationReason = (typeof deactivationReasons)[number];

export interface NominatorAccount {
  id: string;
  username: string;
  name: string;
  email: string;
  institution: string;
  partners: string[];
  /** invited: waiting for the invitation to be accepted; disabled: switched off by an operator (`user disable`). */
  status: NominatorStatus;
  deactivatedAt?: string;
  deactivationReason?: DeactivationReason;
  createdAt: string;
}

/** Matches the `users` rows (alias u) of nominator accounts. */
export const IS_NOMINATOR = `u.roles::jsonb ? 'nominator'`;

const SELECT_NOMINATOR = `
  SELECT u.id, u.username, u.name, u.email, u.scope, u.disabled, u.password_hash IS NULL AS never_accepted, u.created_at,
         u.deactivated_at, u.deactivation_reason, u.purged_at,
         EXISTS (SELECT 1 FROM portal_invitations i WHERE i.kind = 'nominator' AND i.user_id = u.id AND i.used_at IS NULL) AS invitation_pending
    FROM users u`;

interface NominatorRow {
  id: string;
  username: string;
  name: string;
  email: string;
  scope: string;
  disabled: boolean;
  never_accepted: boolean;
  created_at: Date | string;
  deactivated_at: Date | string | null;
  deactivation_reason: DeactivationReason | null;
  purged_at: Date | string | null;
  invitation_pending: boolean;
}

function statusOf(row: NominatorRow): NominatorStatus {
  if (row.purged_at) return 'purged';
  if (row.deactivated_at) return 'deactivated';
  if (!row.disabled) return 'active';
  return row.invitation_pending || row.never_accepted ? 'invited' : 'disabled';
}

function toAccount(row: NominatorRow): NominatorAccount {
  const scope = JSON.parse(row.scope) as { institution: string; partners: string[] };
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    email: row.email,
    institution: scope.institution,
    partners: scope.partners,
    status: statusOf(row),
    ...(row.deactivated_at ? { deactivatedAt: new Date(row.deactivated_at).toISOString() } : {}),
    ...(row.deactivation_reason ? { deactivationReason: row.deactivation_reason } : {}),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The institution's nominator accounts (of one partner when given), by name. */
export async function listNominators(sql: Sql, filter: { institution: string; partnerId?: string }): Promise<NominatorAccount[]> {
  const rows = await sql.query<NominatorRow>(
    `${SELECT_NOMINATOR} WHERE ${IS_NOMINATOR} AND u.scope::jsonb->>'institution' = $1 AND ($2::text IS NULL OR u.scope::jsonb->'partners' ? $2)
      ORDER BY u.name, u.id`,
    [filter.institution, filter.partnerId ?? null],
  );
  return rows.map(toAccount);
}

/** One nominator account by id, under its row lock when `lock` (in the caller's transaction). */
export async function nominatorById(sql: Sql, id: string, lock = false): Promise<NominatorAccount | undefined> {
  const [row] = await sql.query<NominatorRow>(`${SELECT_NOMINATOR} WHERE u.id = $1 AND ${IS_NOMINATOR}${lock ? ' FOR UPDATE OF u' : ''}`, [id]);
  return row && toAccount(row);
}

/** The stable pseudonym that replaces a purged nominator's name, derived from the account id alone. */
export function nominatorPseudonym(userId: string): string {
  return `Slettet nominator ${createHash('sha256').update(userId).digest('hex').slice(0, 8)}`;
}
