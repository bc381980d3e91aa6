import type { Database, Sql } from '../db/database';
import type { AuditAnchor } from './audit-anchor';
import { chainTail, entryHash, hashAt, readHead, ROW_COLUMNS, type AuditHead, type AuditRow } from './audit-chain';

/**
 * Seals committed entries: gives each the next place in the chain and its hash, then signs the
 * new head into the anchor. Entries are taken in (txid, id) order and only once every older
 * transaction has ended (`pg_snapshot_xmin`), so nothing can commit behind the chain. That makes
 * "never sealed" and "seal removed" tell apart: an unsealed entry of a transaction older than the
 * head's `sealed_below` was sealed once. The sealer never seals such an entry, nor extends a chain
 * that does not end where its head (and the newest anchor) says: it reports, verify shows.
 */
const SEAL_BATCH = 5000;

export class AuditChainError extends Error {}

export interface SealerLog {
  info(details: object, message: string): void;
  error(message: string): void;
}

async function checkChainEnd(tx: Sql, head: AuditHead, anchor: AuditAnchor | undefined): Promise<void> {
  const tail = await chainTail(tx);
  if (tail.count !== head.count || tail.hash !== head.hash) {
    throw new AuditChainError(`The audit chain ends at entry ${tail.count}, its head says ${head.count}: entries were removed or re-chained. Not sealing.`);
  }
  const anchored = anchor?.last;
  if (anchored && (await hashAt(tx, anchored.count)) !== anchored.hash) {
    throw new AuditChainError(`The audit chain no longer matches its anchor (${anchored.count} entries at ${anchored.at}). Not sealing.`);
  }
}

async function sealBatch(tx: Sql, anchor: AuditAnchor | undefined): Promise<{ sealed: number; head: AuditHead }> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':saksflyt-audit'))`);
  const [{ xmin } = { xmin: '0' }] = await tx.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
  const rows = await tx.query<AuditRow>(`SELECT ${ROW_COLUMNS} FROM audit_log WHERE chain_seq IS NULL AND txid < $1::xid8 ORDER BY txid, id LIMIT $2`, [
    xmin,
    SEAL_BATCH,
  ]);
  const head = await readHead(tx, rows.length > 0);
  if (!rows.length) return { sealed: 0, head };
  if (BigInt(rows[0]!.txid) < BigInt(head.sealedBelow)) {
    throw new AuditChainError(`Audit entry ${rows[0]!.id} was sealed once and its seal was removed. Not sealing.`);
  }
  await checkChainEnd(tx, head, anchor);
  let { count, hash } = head;
  const ids: number[] = [];
  const seqs: number[] = [];
  const prevs: string[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    count++;
    const next = entryHash(hash, count, row);
    ids.push(Number(row.id));
    seqs.push(count);
    prevs.push(hash);
    hashes.push(next);
    hash = next;
  }
  await tx.query(
    `UPDATE audit_log AS a SET chain_seq = s.chain_seq, prev_hash = s.prev_hash, hash = s.hash
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, chain_seq, prev_hash, hash)
      WHERE a.id = s.id`,
    [ids, seqs, prevs, hashes],
  );
  // A full batch may leave entries of its last transaction behind; otherwise all below xmin are sealed.
  const sealedBelow = rows.length < SEAL_BATCH ? xmin : rows.at(-1)!.txid;
  const lastId = ids.at(-1)!;
  await tx.query(`UPDATE audit_head SET chain_count = $1, hash = $2, last_id = $3, sealed_below = $4::xid8, sealed_at = now()`, [
    count,
    hash,
    lastId,
    sealedBelow,
  ]);
  return { sealed: rows.length, head: { count, hash, lastId, sealedBelow } };
}

/**
 * Appends every committed, unsealed entry to the chain (one sealer at a time across instances),
 * then anchors the new head. Returns how many; throws AuditChainError when the chain was tampered with.
 */
export async function sealAudit(db: Database, anchor?: AuditAnchor, log?: SealerLog): Promise<number> {
  let sealed = 0;
  let head: AuditHead | undefined;
  for (;;) {
    const batch = await db.transaction((tx) => sealBatch(tx, anchor));
    sealed += batch.sealed;
    if (batch.sealed) head = batch.head;
    if (batch.sealed < SEAL_BATCH) break;
  }
  if (head && anchor) {
    const line = await anchor.append({ count: head.count, hash: head.hash, lastId: head.lastId });
    log?.info({ auditAnchor: JSON.parse(line) as unknown }, 'audit head signed');
  }
  return sealed;
}

/** Seals every few hundred ms while the server runs; `stop` seals what is left. Failures are logged once each. */
export function startAuditSealer(db: Database, options: { anchor?: AuditAnchor; log?: SealerLog; intervalMs?: number } = {}): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let lastError = '';
  const seal = () =>
    sealAudit(db, options.anchor, options.log).then(
      () => (lastError = ''),
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastError) options.log?.error(`Audit sealer: ${message}`);
        lastError = message;
      },
    );
  const timer = setInterval(() => {
    running = running.then(seal);
  }, options.intervalMs ?? 250);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await seal();
    },
  };
}
