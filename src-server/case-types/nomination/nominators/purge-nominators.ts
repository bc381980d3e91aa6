import type { NominationCase } from '../../../../src-shared/domain/nomination/nomination.workflow';
import { systemActor } from '../../../../src-shared/domain/workflow/workflow';
import { appendAudit } from '../../../audit/audit-log';
import { revokeDevice } from '../../../auth/accounts';
import type { Database, Sql } from '../../../db/database';
import { writeBatch } from '../../../sync/import-documents';
import { defaultSyncCollections } from '../../../sync/sync-collections';
import { IS_NOMINATOR, nominatorPseudonym } from './nominator-account';

export interface NominatorPurge {
  now: Date;
  /** NOMINATOR_RETENTION_DAYS: how long after deactivation the personal data is kept. */
  retentionDays: number;
  /** Only say what would be purged. */
  dryRun?: boolean;
  /** NOTIFY channel of the server's live streams, so laptops pull the changed cases at once. */
  changesChannel?: string;
}

export interface Purged {
  userId: string;
  username: string;
  pseudonym: string;
  /** Nomination cases whose nominator name was replaced. */
  cases: number;
}

const casesCollection = defaultSyncCollections().find((collection) => collection.name === 'cases')!;

/** The stored nomination cases this account nominated (under their row locks when `lock`). */
async function nominatedBy(sql: Sql, userId: string, lock: boolean): Promise<NominationCase[]> {
  const rows = await sql.query<{ doc: string }>(
    `SELECT doc FROM sync_documents WHERE collection = 'cases' AND NOT deleted AND doc::json->>'type' = 'nomination'
        AND doc::json->'details'->'nomination'->>'nominatedBy' = $1${lock ? ' FOR UPDATE' : ''}`,
    [userId],
  );
  return rows.map((row) => JSON.parse(row.doc) as NominationCase);
}

/**
 * Deletes the personal data of the nominator accounts deactivated more than `retentionDays` ago
 * (GDPR storage limitation). The `users` row stays as the pseudonymous reference the audit trail
 * and the cases keep: name → a pseudonym derived from the id, username → `purged:<id>`, no
 * e-mail or password; identities and invitation links are deleted, devices revoked and unnamed.
 * The nominator's name in their nomination cases becomes the pseudonym as a stored change with a
 * new feed position (laptops pull it). One transaction per account; each is audited.
 */
export async function purgeNominators(db: Database, purge: NominatorPurge): Promise<Purged[]> {
  const before = new Date(purge.now.getTime() - purge.retentionDays * 86_400_000);
  const due = await db.query<{ id: string; username: string }>(
    `SELECT u.id, u.username FROM users u WHERE ${IS_NOMINATOR} AND u.purged_at IS NULL AND u.deactivated_at <= $1 ORDER BY u.username`,
    [before.toISOString()],
  );
  const purged: Purged[] = [];
  for (const account of due) {
    const pseudonym = nominatorPseudonym(account.id);
    if (purge.dryRun) {
      purged.push({ userId: account.id, username: account.username, pseudonym, cases: (await nominatedBy(db, account.id, false)).length });
      continue;
    }
    const done = await db.transaction(async (tx): Promise<Purged | undefined> => {
      const [row] = await tx.query('SELECT 1 FROM users WHERE id = $1 AND purged_at IS NULL AND deactivated_at <= $2 FOR UPDATE', [
        account.id,
        before.toISOString(),
      ]);
      if (!row) return undefined;
      const cases = await nominatedBy(tx, account.id, true);
      if (cases.length > 0) {
        const at = purge.now.toISOString();
        const changed = cases.map((c) => ({
          ...c,
          updatedAt: at,
          details: { ...c.details, nomination: { ...c.details.nomination, nominatorName: pseudonym } },
        }));
        await writeBatch(tx, casesCollection, changed as unknown as Record<string, unknown>[], {
          actorId: systemActor.userId,
          action: 'nominator-pseudonymised',
          channel: purge.changesChannel,
        });
      }
      const devices = await tx.query<{ id: string }>('SELECT id FROM devices WHERE user_id = $1 AND revoked_at IS NULL', [account.id]);
      for (const device of devices) await revokeDevice(tx, device.id);
      await tx.query(`UPDATE devices SET name = 'purged' WHERE user_id = $1`, [account.id]);
      await tx.query('DELETE FROM identities WHERE user_id = $1', [account.id]);
      await tx.query(`DELETE FROM portal_invitations WHERE kind = 'nominator' AND user_id = $1`, [account.id]);
      await tx.query(
        `UPDATE users SET name = $2, username = 'purged:' || id, email = '', password_hash = NULL, disabled = true, purged_at = $3 WHERE id = $1`,
        [account.id, pseudonym, purge.now.toISOString()],
      );
      await appendAudit(tx, [
        {
          actorId: systemActor.userId,
          action: 'nominator-purged',
          collection: 'users',
          documentId: account.id,
          outcome: 'ok',
          detail: { cases: cases.length },
        },
      ]);
      return { userId: account.id, username: account.username, pseudonym, cases: cases.length };
    });
    if (done) purged.push(done);
  }
  return purged;
}
