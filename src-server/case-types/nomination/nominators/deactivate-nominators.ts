import { dateOf } from '../../../../src-shared/domain/calendar/iso-date';
import type { OrgUnit } from '../../../../src-shared/domain/organisation/org-unit.schema';
import { systemActor } from '../../../../src-shared/domain/workflow/workflow';
import { appendAudit } from '../../../audit/audit-log';
import { setUserDisabled } from '../../../auth/accounts';
import type { Database } from '../../../db/database';
import { storedOrganisation } from '../../../organisation/org-store';
import { IS_NOMINATOR, type DeactivationReason } from './nominator-account';

export interface NominatorSweep {
  now: Date;
  /** NOMINATOR_IDLE_DAYS. */
  idleDays: number;
  /** Only say what would be deactivated. */
  dryRun?: boolean;
}

export interface Deactivation {
  userId: string;
  username: string;
  reason: DeactivationReason;
}

/**
 * Has every agreement of these partners ended (validTo before today)? Partners without any stored
 * agreement give no answer (false): an organisation not imported yet deactivates nobody.
 */
function agreementsEnded(units: readonly OrgUnit[], partners: readonly string[], today: string): boolean {
  const agreements = units.filter((unit) => unit.kind === 'agreement' && partners.includes(unit.parentId));
  return agreements.length > 0 && agreements.every((agreement) => agreement.attributes.validTo !== undefined && agreement.attributes.validTo < today);
}

/**
 * Deactivates the nominator accounts (not deactivated or purged yet) whose partners' agreements
 * have all ended, or that were not used for `idleDays`: last signed in or seen (devices), invited,
 * accepted or created, whichever is latest. Each is disabled (its sessions end at once), its
 * unused invitation links are deleted, and the deactivation is audited as the system's.
 */
export async function deactivateNominators(db: Database, sweep: NominatorSweep): Promise<Deactivation[]> {
  const today = dateOf(sweep.now);
  const idleSince = new Date(sweep.now.getTime() - sweep.idleDays * 86_400_000);
  const units = await storedOrganisation(db);
  const candidates = await db.query<{ id: string; username: string; scope: string; last_used: Date | string }>(
    `SELECT u.id, u.username, u.scope, GREATEST(
            u.created_at,
            (SELECT max(COALESCE(d.last_seen_at, d.created_at)) FROM devices d WHERE d.user_id = u.id),
            (SELECT max(COALESCE(i.used_at, i.created_at)) FROM portal_invitations i WHERE i.kind = 'nominator' AND i.user_id = u.id)
          ) AS last_used
       FROM users u WHERE ${IS_NOMINATOR} AND u.deactivated_at IS NULL AND u.purged_at IS NULL ORDER BY u.username`,
  );
  const due = candidates.flatMap((row): Deactivation[] => {
    const partners = (JSON.parse(row.scope) as { partners: string[] }).partners;
    if (agreementsEnded(units, partners, today)) return [{ userId: row.id, username: row.username, reason: 'agreements-ended' }];
    if (new Date(row.last_used).getTime() < idleSince.getTime()) return [{ userId: row.id, username: row.username, reason: 'idle' }];
    return [];
  });
  if (sweep.dryRun) return due;
  const done: Deactivation[] = [];
  for (const deactivation of due) {
    const changed = await db.transaction(async (tx) => {
      const [row] = await tx.query(
        `UPDATE users SET deactivated_at = $2, deactivation_reason = $3 WHERE id = $1 AND deactivated_at IS NULL AND purged_at IS NULL RETURNING id`,
        [deactivation.userId, sweep.now.toISOString(), deactivation.reason],
      );
      if (!row) return false;
      await setUserDisabled(tx, deactivation.username, true);
      await tx.query(`DELETE FROM portal_invitations WHERE kind = 'nominator' AND user_id = $1 AND used_at IS NULL`, [deactivation.userId]);
      await appendAudit(tx, [
        {
          actorId: systemActor.userId,
          action: 'nominator-deactivated',
          collection: 'users',
          documentId: deactivation.userId,
          outcome: 'ok',
          reason: deactivation.reason,
        },
      ]);
      return true;
    });
    if (changed) done.push(deactivation);
  }
  return done;
}
