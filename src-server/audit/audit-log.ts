import { createHash } from 'node:crypto';
import type { Database, Sql } from '../db/database';

/**
 * Append-only audit log with a hash chain. A push inserts its entries unchained, so concurrent
 * pushes never wait for each other; `sealAudit` (run by the server every few hundred ms, and by
 * `audit verify`) then appends the committed entries to the chain: each gets the next `chain_seq`
 * and a hash over its fields, its place and the previous entry's hash. Altering, removing or
 * reordering a sealed entry breaks the chain at that entry; the head hash kept in server_settings
 * shows entries cut off the end. An entry can be altered unnoticed only in the moment before it is
 * sealed.
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

interface AuditRow {
  id: number;
  at: string;
  actor_id: string | null;
  device_id: string | null;
  on_behalf_of: string | null;
  action: string;
  collection: string | null;
  document_id: string | null;
  outcome: string;
  reason: string | null;
  detail: string;
  chain_seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit_head';
const COLUMNS = ['at', 'actor_id', 'device_id', 'on_behalf_of', 'action', 'collection', 'document_id', 'outcome', 'reason', 'detail'] as const;
const SEAL_BATCH = 5000;

function entryHash(prevHash: string, chainSeq: number, row: Pick<AuditRow, (typeof COLUMNS)[number]>): string {
  const content = JSON.stringify([chainSeq, ...COLUMNS.map((column) => row[column])]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
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
    const base = index * COLUMNS.length;
    return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await tx.query(`INSERT INTO audit_log (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

/** Appends every committed, unsealed entry to the chain (one sealer at a time). Returns how many. */
export async function sealAudit(db: Database): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':saksflyt-audit'))`);
      const rows = await tx.query<AuditRow>(`SELECT * FROM audit_log WHERE chain_seq IS NULL ORDER BY id LIMIT $1`, [SEAL_BATCH]);
      if (!rows.length) return 0;
      const [head] = await tx.query<{ chain_seq: number; hash: string }>(
        'SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
      );
      let prev = head?.hash ?? GENESIS;
      let chainSeq = Number(head?.chain_seq ?? 0);
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        chainSeq++;
        const hash = entryHash(prev, chainSeq, row);
        ids.push(Number(row.id));
        seqs.push(chainSeq);
        prevs.push(prev);
        hashes.push(hash);
        prev = hash;
      }
      await tx.query(
        `UPDATE audit_log AS a SET chain_seq = s.chain_seq, prev_hash = s.prev_hash, hash = s.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, chain_seq, prev_hash, hash)
          WHERE a.id = s.id`,
        [ids, seqs, prevs, hashes],
      );
      await tx.query(`INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [HEAD_KEY, prev]);
      return rows.length;
    });
    sealed += count;
    if (count < SEAL_BATCH) return sealed;
  }
}

/** Seals every few hundred ms while the server runs; `stop` seals what is left. */
export function startAuditSealer(db: Database, intervalMs = 250): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => sealAudit(db)).catch(() => undefined);
  }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await sealAudit(db).catch(() => undefined);
    },
  };
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number | 'end'; message: string };

/** Walks the whole chain in order; reports the first entry whose link or content does not match. */
export async function verifyAudit(db: Sql, pageSize = 5000): Promise<AuditVerification> {
  let prev = GENESIS;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE chain_seq > $1 ORDER BY chain_seq LIMIT $2', [lastSeq, pageSize]);
    for (const row of rows) {
      entries++;
      const chainSeq = Number(row.chain_seq);
      if (row.prev_hash !== prev || chainSeq !== lastSeq + 1) {
        return { ok: false, entries, brokenAt: Number(row.id), message: `Entry ${row.id} does not follow the entry before it (an entry was removed, inserted or reordered).` };
      }
      if (entryHash(prev, chainSeq, row) !== row.hash) {
        return { ok: false, entries, brokenAt: Number(row.id), message: `Entry ${row.id} was altered after it was written.` };
      }
      prev = row.hash;
      lastSeq = chainSeq;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [HEAD_KEY]);
  if ((head?.value ?? GENESIS) !== prev) {
    return { ok: false, entries, brokenAt: 'end', message: 'Entries were removed from the end of the log.' };
  }
  return { ok: true, entries };
}
