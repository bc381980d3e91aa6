import { createHash } from 'node:crypto';
import type { Sql } from '../db/database';

/**
 * The hash chain over sealed audit entries: entry n's hash covers its fields, its place n and the
 * hash of entry n-1. `audit_head` is the sealer's record of where the chain ends and of its
 * high-water mark (see audit-sealer.ts).
 */
export const GENESIS = '0'.repeat(64);
export const HASHED_COLUMNS = ['at', 'actor_id', 'device_id', 'on_behalf_of', 'action', 'collection', 'document_id', 'outcome', 'reason', 'detail'] as const;

export interface AuditRow {
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
  /** The writing transaction (xid8 as text). */
  txid: string;
}

/** Columns of `AuditRow`, with the transaction id as text (xid8 has no JavaScript type). */
export const ROW_COLUMNS = `id, ${HASHED_COLUMNS.join(', ')}, chain_seq, prev_hash, hash, txid::text AS txid`;

export function entryHash(prevHash: string, chainSeq: number, row: Pick<AuditRow, (typeof HASHED_COLUMNS)[number]>): string {
  const content = JSON.stringify([chainSeq, ...HASHED_COLUMNS.map((column) => row[column])]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export interface AuditHead {
  /** Entries in the chain; the last has chain_seq = count. */
  count: number;
  hash: string;
  lastId: number | null;
  /** Every entry written by a transaction older than this (xid8 as text) is sealed. */
  sealedBelow: string;
}

export async function readHead(sql: Sql, forUpdate = false): Promise<AuditHead> {
  const [row] = await sql.query<{ chain_count: number; hash: string; last_id: number | null; sealed_below: string }>(
    `SELECT chain_count, hash, last_id, sealed_below::text AS sealed_below FROM audit_head${forUpdate ? ' FOR UPDATE' : ''}`,
  );
  if (!row) throw new Error('audit_head is missing: the audit log was tampered with');
  return { count: Number(row.chain_count), hash: row.hash, lastId: row.last_id === null ? null : Number(row.last_id), sealedBelow: row.sealed_below };
}

/** The last sealed entry as the table holds it (may differ from the head when entries were cut off). */
export async function chainTail(sql: Sql): Promise<{ count: number; hash: string }> {
  const [row] = await sql.query<{ chain_seq: number; hash: string }>(
    'SELECT chain_seq, hash FROM audit_log WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
  );
  return row ? { count: Number(row.chain_seq), hash: row.hash } : { count: 0, hash: GENESIS };
}

/** The hash of the entry at place `count` (GENESIS for 0), or undefined when there is none. */
export async function hashAt(sql: Sql, count: number): Promise<string | undefined> {
  if (count === 0) return GENESIS;
  const [row] = await sql.query<{ hash: string }>('SELECT hash FROM audit_log WHERE chain_seq = $1', [count]);
  return row?.hash;
}
