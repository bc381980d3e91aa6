import { createHash } from 'node:crypto';
import type { Actor } from '../../src-shared/domain/access';
import type { Checkpoint } from '../../src-shared/sync/checkpoint.schema';
import type { Sql } from '../db/database';
import { HttpError } from '../http/http-error';

/**
 * The change feed: every write gives its row a new position (txid, seq) — the id of the writing
 * transaction (pg_current_xact_id()) and a value from a global sequence.
 *
 * Why not the sequence alone: under concurrent writers, sequence order is not commit order.
 * Writer A takes seq 10, writer B takes seq 11 and commits first; a reader that sees 11 and moves
 * its checkpoint past it would never see 10 when A commits. We therefore order the feed by the
 * transaction id and only read rows whose transaction is older than every transaction still
 * running (`txid < pg_snapshot_xmin(pg_current_snapshot())`, evaluated in the reading statement's
 * own snapshot). Every such transaction has ended, and any transaction that commits later has a
 * txid >= that xmin, so it sorts after everything a reader has already passed: nothing is skipped,
 * nobody waits for a lock, and writers never serialize on the feed. The price is that a long-running
 * writing transaction holds the feed back for everyone until it ends (pushes are short).
 * `seq` orders rows written by the same transaction.
 *
 * The checkpoint a client keeps is opaque: "<txid>.<seq>.<scope fingerprint>". The fingerprint is of
 * the user's access (roles and scope) when the position was issued, so the server notices a client
 * whose access changed since and makes it reconcile (see pull).
 */
export interface FeedPosition {
  txid: string;
  seq: number;
}

export const FEED_START: FeedPosition = { txid: '0', seq: 0 };

export interface FeedRow {
  id: string;
  doc: string;
  deleted: boolean;
  txid: string;
  seq: number;
  case_id: string | null;
  subject_person_id: string | null;
  scope_history: string;
  version: number;
}

const cursorPattern = /^(\d{1,20})\.(\d{1,20})\.([0-9a-f]{8})$/;
/** Transaction ids the server issues fit PostgreSQL's bigint (an xid8 is a 32-bit epoch and xid). */
const MAX_TXID = 2n ** 63n - 1n;

export function encodeCheckpoint(position: FeedPosition, fingerprint: string): Checkpoint {
  return { seq: `${position.txid}.${position.seq}.${fingerprint}` };
}

/** The position and access fingerprint of a client's checkpoint; 400 for one this server never issued. */
export function decodeCheckpoint(seq: string): { position: FeedPosition; fingerprint: string } {
  const match = cursorPattern.exec(seq);
  // A seq beyond JS's safe integers would be rounded to another position; a txid beyond bigint fails in SQL.
  if (!match || BigInt(match[1]!) > MAX_TXID || !Number.isSafeInteger(Number(match[2]))) {
    throw HttpError.badRequest('Invalid checkpoint: not one this server issued');
  }
  return { position: { txid: match[1]!, seq: Number(match[2]) }, fingerprint: match[3]! };
}

/** Short fingerprint of what an actor may see: changes when roles or scope change. */
export function accessFingerprint(actor: Actor): string {
  const scope = actor.scope;
  const canonical = JSON.stringify([
    actor.userId,
    [...actor.roles].sort(),
    scope.institution,
    [...scope.departments].sort(),
    [...scope.cohorts].sort(),
    [...scope.partners].sort(),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 8);
}

export const FEED_COLUMNS = `id, doc, deleted, txid::text AS txid, seq, case_id, subject_person_id, scope_history, version`;

/** Rows of a collection after `after`, in feed order, only from transactions that have ended. */
export function readFeed(sql: Sql, collection: string, after: FeedPosition, limit: number): Promise<FeedRow[]> {
  return sql.query<FeedRow>(
    `SELECT ${FEED_COLUMNS} FROM sync_documents
      WHERE collection = $1 AND (txid, seq) > ($2::xid8, $3::bigint)
        AND txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY txid, seq LIMIT $4`,
    [collection, after.txid, after.seq, limit],
  );
}

/** The position of the newest row readers may see now (the start of a live stream). */
export async function feedHead(sql: Sql, collection: string): Promise<FeedPosition> {
  const [row] = await sql.query<{ txid: string; seq: number }>(
    `SELECT txid::text AS txid, seq FROM sync_documents
      WHERE collection = $1 AND txid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY txid DESC, seq DESC LIMIT 1`,
    [collection],
  );
  return row ? { txid: row.txid, seq: Number(row.seq) } : FEED_START;
}

/**
 * The position of the newest committed row after `after`, including rows the feed still holds back
 * behind a running transaction; undefined when there is none. Evaluated in the caller's snapshot.
 */
export async function newestCommitted(sql: Sql, collection: string, after: FeedPosition): Promise<FeedPosition | undefined> {
  const [row] = await sql.query<{ txid: string; seq: number }>(
    `SELECT txid::text AS txid, seq FROM sync_documents WHERE collection = $1 AND (txid, seq) > ($2::xid8, $3::bigint)
      ORDER BY txid DESC, seq DESC LIMIT 1`,
    [collection, after.txid, after.seq],
  );
  return row ? positionOf(row) : undefined;
}

export function positionOf(row: Pick<FeedRow, 'txid' | 'seq'>): FeedPosition {
  return { txid: row.txid, seq: Number(row.seq) };
}

/** Whether position `a` comes before `b` in feed order (transaction id, then sequence). */
export function isBefore(a: FeedPosition, b: FeedPosition): boolean {
  const [ta, tb] = [BigInt(a.txid), BigInt(b.txid)];
  return ta < tb || (ta === tb && a.seq < b.seq);
}

/** A stored row as RxDB expects it on the wire: the document as pushed plus `_deleted`. */
export function wireJson(row: Pick<FeedRow, 'doc' | 'deleted'>): string {
  return `${row.doc.slice(0, -1)}${row.doc.length > 2 ? ',' : ''}"_deleted":${row.deleted}}`;
}
