import { setTimeout as sleep } from 'node:timers/promises';
import { registerTable } from '../../src-shared/domain/access/access-table';
import { mayReadRecord } from '../../src-shared/domain/access/read-projection';
import type { RecordCollection } from '../../src-shared/domain/access/record-write';
import { isStaff, type Actor } from '../../src-shared/domain/access';
import { mayReadActivity, type ActivityScope } from '../../src-shared/domain/access/activity-access';
import { mayReadOffer, type OfferScope } from '../../src-shared/domain/access/offer-access';
import type { Checkpoint } from '../../src-shared/sync/checkpoint.schema';
import type { Database, Sql } from '../db/database';
import { decodeCheckpoint, encodeCheckpoint, FEED_START, isBefore, newestCommitted, positionOf, readFeed, type FeedPosition } from './change-feed';
import type { SyncCollection } from './sync-collections';
import { readFingerprint, VisibilityContext } from './visibility';
import { visibleCasesForTotals } from './visible-cases';

export interface PullInput {
  db: Database;
  collection: SyncCollection;
  actor: Actor;
  /** The client's checkpoint (`seq`), absent on a first sync. */
  seq: string | undefined;
  batchSize: number;
}

/** A pull response as JSON text: documents are stored as JSON and sent without re-encoding. */
export interface PullResult {
  json: string;
  documents: number;
  purged: number;
  position: FeedPosition;
  hasMore: boolean;
}

/** What one read of the feed found for a user. */
export interface FeedBatch {
  /** Wire JSON of each document the user may see. */
  documents: string[];
  revisions: number[];
  purged: { id: string; revision: number }[];
  position: FeedPosition;
  hasMore: boolean;
}

/** The pull/stream body of a batch (see pullResponseSchema), built around the stored JSON. */
export function batchJson(batch: FeedBatch, checkpoint: Checkpoint | null, extra: { reset?: boolean; total?: number } = {}): string {
  return (
    `{"documents":[${batch.documents.join(',')}],"revisions":${JSON.stringify(batch.revisions)},"purged":${JSON.stringify(batch.purged)},` +
    `"checkpoint":${JSON.stringify(checkpoint)},"hasMore":${batch.hasMore},"reset":${extra.reset === true}` +
    `${extra.total === undefined ? '' : `,"total":${extra.total}`}}`
  );
}

/**
 * Reads the collection's feed after the checkpoint and keeps what the user may see, as the user
 * may see it (need to know: parts of cases, national IDs, internal notes withheld). Rows the user
 * may not see are skipped, except that a row the user could see at some point comes back as a
 * purge (its id only: the client drops its copy; no content leaves the server). A pull from the
 * beginning purges nothing: the client holds nothing from earlier pulls (what it pushed itself it
 * reconciles first). Scanning goes on until the batch is full or the feed is read to its end, so
 * `hasMore: false` really means "nothing more now".
 */
export async function pull(input: PullInput): Promise<PullResult> {
  const fingerprint = readFingerprint(input.actor);
  let start = FEED_START;
  if (input.seq !== undefined) {
    const decoded = decodeCheckpoint(input.seq);
    if (decoded.fingerprint !== fingerprint) {
      const empty: FeedBatch = { documents: [], revisions: [], purged: [], position: decoded.position, hasMore: false };
      return { json: batchJson(empty, null, { reset: true }), documents: 0, purged: 0, position: decoded.position, hasMore: false };
    }
    start = decoded.position;
  }
  const first = await inSnapshot(input.db, async (sql) => {
    const result = await readVisible(sql, input.collection, input.actor, start, input.batchSize, { purges: input.seq !== undefined });
    return {
      result,
      total: input.seq === undefined ? await countVisible(sql, input.collection, input.actor) : undefined,
      newest: result.hasMore ? undefined : await newestCommitted(sql, input.collection.name, result.position),
    };
  });
  const result = first.newest ? await readHeldBack(input, first.result, first.newest) : first.result;
  const checkpoint = result.position === start ? (input.seq === undefined ? null : { seq: input.seq }) : encodeCheckpoint(result.position, fingerprint);
  const json = batchJson(result, checkpoint, { total: first.total });
  return { json, documents: result.documents.length, purged: result.purged.length, position: result.position, hasMore: result.hasMore };
}

/** How often a pull looks again for rows held back behind a running transaction, and for how long. */
const HELD_BACK_RETRY_MS = 30;
export const HELD_BACK_WAIT_MS = 2_000;

/**
 * A pull that reached the end of the visible feed while rows committed before it began were still
 * held back (a transaction that started earlier is still running, see change-feed.ts) reads on as
 * they become visible, so that `hasMore: false` means "nothing more that had committed when you
 * asked" — a first sync does not report itself complete without them. A transaction running longer
 * than HELD_BACK_WAIT_MS ends the wait: the pull answers with what it has and the live stream
 * brings the rest once the feed moves on.
 */
async function readHeldBack(input: PullInput, read: FeedBatch, newest: FeedPosition): Promise<FeedBatch> {
  const batch = { ...read, documents: [...read.documents], revisions: [...read.revisions], purged: [...read.purged] };
  const giveUpAt = Date.now() + HELD_BACK_WAIT_MS;
  while (!batch.hasMore && isBefore(batch.position, newest) && Date.now() < giveUpAt) {
    await sleep(HELD_BACK_RETRY_MS);
    const room = input.batchSize - batch.documents.length - batch.purged.length;
    const more = await inSnapshot(input.db, (sql) =>
      readVisible(sql, input.collection, input.actor, batch.position, room, { purges: input.seq !== undefined }),
    );
    batch.documents.push(...more.documents);
    batch.revisions.push(...more.revisions);
    batch.purged.push(...more.purged);
    batch.position = more.position;
    batch.hasMore = more.hasMore;
  }
  return batch;
}

/**
 * Runs reads in one read-only REPEATABLE READ transaction: every chunk of the feed and every
 * parent-case lookup sees the same snapshot. Without it, a case changing between two chunks could
 * be judged by its old state against rows written with its new one (and a client skip them).
 */
export function inSnapshot<T>(db: Database, read: (sql: Sql) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return read(tx);
  });
}

/** Reads the feed after `start`; call it inside `inSnapshot`. */
export async function readVisible(
  sql: Sql,
  collection: SyncCollection,
  actor: Actor,
  start: FeedPosition,
  batchSize: number,
  options: { purges: boolean } = { purges: true },
): Promise<FeedBatch> {
  const visibility = new VisibilityContext(sql, actor);
  const documents: string[] = [];
  const revisions: number[] = [];
  const purged: FeedBatch['purged'] = [];
  const chunk = Math.max(batchSize, 200);
  let position = start;
  for (;;) {
    const rows = await readFeed(sql, collection.name, position, chunk);
    await visibility.prefetch(collection, rows);
    for (const row of rows) {
      position = positionOf(row);
      if (await visibility.canSee(collection, row)) {
        documents.push(await visibility.wire(collection, row));
        revisions.push(row.version);
      } else if (options.purges && (await visibility.couldHaveSeen(collection, row))) {
        purged.push({ id: row.id, revision: row.version });
      }
      if (documents.length + purged.length >= batchSize) return { documents, revisions, purged, position, hasMore: true };
    }
    if (rows.length < chunk) return { documents, revisions, purged, position, hasMore: false };
  }
}

/** How many documents of the collection the actor may see now (first-sync progress). */
async function countVisible(sql: Sql, collection: SyncCollection, actor: Actor): Promise<number> {
  switch (collection.visibility) {
    case 'open': {
      const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_documents WHERE collection = $1 AND NOT deleted', [collection.name]);
      return row?.n ?? 0;
    }
    case 'case':
      return (await visibleCasesForTotals(sql, actor)).size;
    case 'case-child': {
      // Only the fields the read rules look at: a note's visibility, a task's assignee.
      const cases = await visibleCasesForTotals(sql, actor);
      const rows = await sql.query<{ case_id: string; visibility: string | null; assigneeId: string | null }>(
        `SELECT case_id, doc::json->>'visibility' AS visibility, doc::json->>'assigneeId' AS "assigneeId"
           FROM sync_documents WHERE collection = $1 AND NOT deleted AND case_id = ANY($2)`,
        [collection.name, [...cases.keys()]],
      );
      return rows.filter((row) => mayReadRecord(actor, cases.get(row.case_id)!, collection.name as RecordCollection, row)).length;
    }
    case 'person': {
      const cases = await visibleCasesForTotals(sql, actor);
      const reach = actor.roles.map((role) => registerTable[role].people);
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sync_documents p WHERE p.collection = $1 AND NOT p.deleted AND (p.id IN
           (SELECT subject_person_id FROM sync_documents WHERE collection = 'cases' AND id = ANY($2)) OR (p.doc::json->>'institution' = $4 AND
           ($3 OR EXISTS (SELECT 1 FROM json_array_elements_text(COALESCE(p.doc::json->'cohorts', '[]'::json)) cohort WHERE cohort = ANY($5)))))`,
        [collection.name, [...cases.keys()], reach.includes('all'), actor.scope.institution, reach.includes('cohorts') ? actor.scope.cohorts : []],
      );
      return row?.n ?? 0;
    }
    case 'directory': {
      if (!isStaff(actor)) return 0;
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sync_documents WHERE collection = $1 AND NOT deleted AND doc::json->>'institution' = $2`,
        [collection.name, actor.scope.institution],
      );
      return row?.n ?? 0;
    }
    case 'offer': {
      const rows = await sql.query<OfferScope>(
        `SELECT doc::json->>'institution' AS institution, doc::json->>'department' AS department, doc::json->>'partnerId' AS "partnerId"
           FROM sync_documents WHERE collection = $1 AND NOT deleted`,
        [collection.name],
      );
      return rows.filter((row) => mayReadOffer(actor, row)).length;
    }
    case 'activity': {
      const rows = await sql.query<ActivityScope>(
        `SELECT doc::json->>'institution' AS institution, doc::json->>'department' AS department FROM sync_documents WHERE collection = $1 AND NOT deleted`,
        [collection.name],
      );
      return rows.filter((row) => mayReadActivity(actor, row)).length;
    }
  }
}
