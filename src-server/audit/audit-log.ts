import type { Sql } from '../db/database';
import { HASHED_COLUMNS } from './audit-chain';

/**
 * Append-only audit log. A push inserts its entries unchained, so concurrent pushes never wait for
 * each other; the server's sealer (audit-sealer.ts) then appends committed entries to the hash
 * chain (audit-chain.ts) and signs the new head into an anchor file outside the database
 * (audit-anchor.ts). `audit verify` (audit-verify.ts) checks all three and never seals.
 */
export const auditOutcomes = ['accepted', 'rejected', 'conflict', 'ok', 'denied'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export interface AuditEntry {
  actorId?: string | null;
  deviceId?: string | null;
  /** The party a change was registered for (e.g. a partner), when not the actor itself. */
  onBehalfOf?: string | null;
  action: string;
  collection?: string | null;
  documentId?: string | null;
  outcome: AuditOutcome;
  reason?: string | null;
  detail?: Record<string, unknown>;
}

/** Inserts entries in the caller's transaction (they become part of the chain once committed and sealed). */
export async function appendAudit(tx: Sql, entries: AuditEntry[], now = new Date()): Promise<void> {
  if (!entries.length) return;
  const at = now.toISOString();
  const values: unknown[] = [];
  const tuples = entries.map((entry, index) => {
    values.push(
      at,
      entry.actorId ?? null,
      entry.deviceId ?? null,
      entry.onBehalfOf ?? null,
      entry.action,
      entry.collection ?? null,
      entry.documentId ?? null,
      entry.outcome,
      entry.reason ?? null,
      JSON.stringify(entry.detail ?? {}),
    );
    const base = index * HASHED_COLUMNS.length;
    return `(${HASHED_COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  // A push of one row writes one entry: that statement is prepared.
  const prepare = entries.length === 1 ? { prepare: 'audit-insert-one' } : undefined;
  await tx.query(`INSERT INTO audit_log (${HASHED_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values, prepare);
}
