import { concatMap, filter, firstValueFrom } from 'rxjs';
import type { ReplicationPullHandler, ReplicationPushHandler, RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { Checkpoint } from '../../src-shared/sync/checkpoint.schema';
import type { PullResponse } from '../../src-shared/sync/pull.schema';
import type { PushRow, PushRowContext, Rejection } from '../../src-shared/sync/push.schema';
import type { SyncDocument } from '../../src-shared/sync/sync-document.schema';
import { liveEvents, type LiveEvents, type LiveEventsOptions } from './live-events';
import { SyncRequestError, type SyncTransport } from './sync-transport';

/** One collection's endpoint and the callbacks the replication reports through. */
export interface CollectionEndpoint {
  collection: RxCollection;
  name: string;
  version: number;
  transport: SyncTransport;
  /** Shared by the pull, push and stream of the collection. */
  revisions: Revisions;
}

/**
 * The newest server revision seen per document (this session). A state below it is older than one
 * this laptop has been given (a live event overtaken by a push or a pull) and is ignored, so it can
 * never overwrite a newer state. The same revision again is let through: the earlier delivery may
 * not have been written (RxDB drops a live event that a pull overtakes; a failed pull is retried).
 */
export class Revisions {
  private readonly newest = new Map<string, number>();

  /** Remembers `revision`; false when a newer one was seen for `id`. */
  accept(id: string, revision: number): boolean {
    const newest = this.newest.get(id) ?? 0;
    if (revision < newest) return false;
    this.newest.set(id, revision);
    return true;
  }
}

export interface HandlerHooks {
  /** A first sync announced how many documents it will bring. */
  onTotal?(total: number): void;
  /** Rows about to be sent (they are unsynced until the server answers). */
  onPushStart?(rows: WithDeleted<Record<string, unknown>>[]): void;
  /** The server refused a row: keep the refused values before the replica reverts. */
  onRejected?(rejection: Rejection, row: PushRow): Promise<void>;
  /** The server stored these rows (others came back as conflicts or rejections). */
  onPushed?(stored: WithDeleted<Record<string, unknown>>[]): void;
  /** Resolves when these rows may go (e.g. once the cases they belong to are on the server). */
  beforePush?(rows: WithDeleted<Record<string, unknown>>[]): Promise<void>;
  /** Context to send with a row (conflict resolution, on-behalf-of). */
  contextFor?(id: string): PushRowContext | undefined;
  /** A pull begins; returns its number, handed back to `onPulled`. */
  onPullStart?(): number;
  /** A pull (numbered by `onPullStart`) or a stream batch (no number) arrived. */
  onPulled?(documents: number, pull?: number): void;
  /** Resolves when the next pull may download (what RxDB was given before is stored). */
  beforePull?(): Promise<void>;
  /** RxDB is given documents up to this checkpoint, from a pull or a live event. */
  onHandedOver?(checkpoint: Checkpoint): void;
}

type Doc = WithDeleted<Record<string, unknown>>;

/**
 * Refused rows the conflict handler must settle by taking the server's state (see
 * conflict-handler.ts). Keyed by document id; the refused state guards against a newer local
 * write arriving in between.
 */
export class RejectedRows {
  private readonly rows = new Map<string, Doc>();

  add(id: string, state: Doc): void {
    this.rows.set(id, state);
  }

  /** True (once) when `state` is the refused state of `id`. */
  take(id: string, state: Doc, isEqual: (a: Doc, b: Doc) => boolean): boolean {
    const refused = this.rows.get(id);
    if (!refused || !isEqual(refused, state)) return false;
    this.rows.delete(id);
    return true;
  }
}

/** The documents and purges of a pull or stream batch that are newer than what this laptop has. */
async function fresh(collection: RxCollection, revisions: Revisions, batch: Pick<PullResponse, 'documents' | 'revisions' | 'purged'>): Promise<Doc[]> {
  const primary = collection.schema.primaryPath as string;
  const documents = (batch.documents as Doc[]).filter((doc, index) => revisions.accept(String(doc[primary]), batch.revisions[index]!));
  const purged = batch.purged.filter((entry) => revisions.accept(entry.id, entry.revision)).map((entry) => entry.id);
  return [...documents, ...(await localTombstones(collection, purged))];
}

/** Local copies of the given documents, as tombstones (the server said: drop these). */
export async function localTombstones(collection: RxCollection, ids: string[]): Promise<Doc[]> {
  if (!ids.length) return [];
  const found = await collection.storageInstance.findDocumentsById(ids, false);
  return found.map((doc) => {
    const { _meta: _m, _rev: _r, _attachments: _a, ...fields } = doc as Record<string, unknown>;
    return { ...fields, _deleted: true } as Doc;
  });
}

/**
 * RxDB pull handler over HTTP. Keeps asking until it has a full batch or the server has nothing
 * more, so a batch made short by purges of documents this laptop never had does not end the pull
 * early. Answers a `reset` (the user's access changed) by asking which local documents must go
 * and pulling again from the beginning; a pull from the beginning asks the same first.
 */
export function createPullHandler(endpoint: CollectionEndpoint, hooks: HandlerHooks = {}): ReplicationPullHandler<Doc, Checkpoint> {
  const { collection, name, version, transport, revisions } = endpoint;
  // Checkpoints that led only past invisible rows: RxDB keeps a checkpoint only with documents, so
  // a collection in which the user sees nothing would otherwise be read from the beginning at every
  // sync. Keyed by the checkpoint RxDB hands in ('' for none).
  const skipAhead = new Map<string, string>();
  return async (checkpoint, batchSize) => {
    const pull = hooks.onPullStart?.();
    await hooks.beforePull?.();
    const from = checkpoint?.seq;
    let seq = skipAhead.get(from ?? '') ?? from;
    const documents: Doc[] = [];
    const reconcile = async () => {
      const local = (await collection.find().exec()).map((doc) => doc.primary as string);
      if (local.length) documents.push(...(await localTombstones(collection, await transport.reconcile(name, version, local))));
    };
    // Pulling from the beginning while holding documents (pushed here before any pull brought a
    // checkpoint): no checkpoint says whose access they were fetched under, so ask.
    if (seq === undefined) await reconcile();
    let resets = 0;
    for (;;) {
      const response = await transport.pull(name, version, seq, batchSize);
      if (response.reset && resets++ === 0) {
        await reconcile();
        seq = undefined;
        continue;
      }
      if (response.total !== undefined) hooks.onTotal?.(response.total);
      documents.push(...(await fresh(collection, revisions, response)));
      if (response.checkpoint) seq = response.checkpoint.seq;
      if (!response.hasMore || documents.length >= batchSize) break;
    }
    if (!documents.length && seq !== undefined && seq !== from) skipAhead.set(from ?? '', seq);
    hooks.onPulled?.(documents.length, pull);
    if (documents.length && seq !== undefined) hooks.onHandedOver?.({ seq });
    return { documents, checkpoint: seq === undefined ? undefined : { seq } };
  };
}

/**
 * RxDB push handler over HTTP. Conflicts go back to RxDB (its conflict handler merges them).
 * Each refused row is first recorded (nothing typed is lost), then answered as a conflict with the
 * server's state — or a tombstone when the user may not see it — so the replica reverts to what the
 * server has and the other rows go on. A request the server cannot take as a whole (too large,
 * malformed) is split until the one row at fault is found and kept aside (quarantined).
 */
export function createPushHandler(endpoint: CollectionEndpoint, rejected: RejectedRows, hooks: HandlerHooks = {}): ReplicationPushHandler<Doc> {
  const { collection, name, version, transport, revisions } = endpoint;
  const primary = collection.schema.primaryPath as string;

  async function send(rows: PushRow[]): Promise<Doc[]> {
    try {
      const response = await transport.push(name, version, rows);
      for (const [id, revision] of Object.entries(response.revisions)) revisions.accept(id, revision);
      const conflicts = response.conflicts as Doc[];
      for (const rejection of response.rejections) {
        const row = rows.find((candidate) => candidate.newDocumentState[primary] === rejection.id);
        if (!row) continue;
        await hooks.onRejected?.(rejection, row);
        rejected.add(rejection.id, row.newDocumentState as Doc);
        conflicts.push((rejection.masterState as Doc | null) ?? { ...(row.newDocumentState as Doc), _deleted: true });
      }
      const settled = new Set(conflicts.map((doc) => doc[primary]));
      hooks.onPushed?.(rows.map((row) => row.newDocumentState as Doc).filter((doc) => !settled.has(doc[primary])));
      return conflicts;
    } catch (error) {
      if (!(error instanceof SyncRequestError) || (error.status !== 413 && error.code !== 'bad-request')) throw error;
      if (rows.length > 1) {
        const middle = Math.ceil(rows.length / 2);
        return [...(await send(rows.slice(0, middle))), ...(await send(rows.slice(middle)))];
      }
      const row = rows[0]!;
      const id = String(row.newDocumentState[primary]);
      const rejection: Rejection = {
        id,
        reason: 'invalid-document',
        code: error.status === 413 ? 'too-large' : 'bad-request',
        message: error.status === 413 ? 'This change is too large for the server.' : error.message,
        masterState: null,
      };
      await hooks.onRejected?.(rejection, row);
      rejected.add(id, row.newDocumentState as Doc);
      // The server state is unknown here: keep this laptop's last synced state.
      return [(row.assumedMasterState as Doc | null | undefined) ?? { ...(row.newDocumentState as Doc), _deleted: true }];
    }
  }

  return async (rows) => {
    const docs = rows.map((row) => row.newDocumentState as Doc);
    hooks.onPushStart?.(docs);
    await hooks.beforePush?.(docs);
    const wire: PushRow[] = rows.map((row) => {
      const context = hooks.contextFor?.(String(row.newDocumentState[primary]));
      return {
        assumedMasterState: (row.assumedMasterState as SyncDocument | undefined) ?? null,
        newDocumentState: row.newDocumentState as SyncDocument,
        ...(context ? { context } : {}),
      };
    });
    return send(wire);
  };
}

export interface StreamOptions extends LiveEventsOptions {
  /** Where the events come from; by default a connection of this collection's own. */
  source?: LiveEvents;
  /**
   * Resolves when no push of this collection is under way (see `upstreamIdle`). A live event is
   * judged against the revisions only then: a push still in flight may make it stale.
   */
  pushesSettled?(): Promise<unknown>;
}

/** Resolves when the replication has no push under way (RxDB holds live events back until then). */
export function upstreamIdle(replication: RxReplicationState<Doc, Checkpoint> | undefined): Promise<unknown> {
  const up = replication?.internalReplicationState?.events.active.up;
  return up ? firstValueFrom(up.pipe(filter((active) => !active)), { defaultValue: false }) : Promise.resolve();
}

/**
 * RxDB pull.stream$ from the server's live events (see ./live-events: reconnects, RESYNC on every
 * connect). `kick()` ends a wait before reconnecting (the network came back, "sync now").
 */
export function createPullStream(endpoint: CollectionEndpoint, options: StreamOptions = {}, hooks: HandlerHooks = {}) {
  const { collection, name, version, transport, revisions } = endpoint;
  const source = options.source ?? liveEvents((signal) => transport.stream(name, version, signal), options);
  const stream$ = source.events(name).pipe(
    concatMap(async (event): Promise<RxReplicationPullStreamItem<Doc, Checkpoint>[]> => {
      if (event === 'RESYNC') return ['RESYNC'];
      try {
        await options.pushesSettled?.();
        const documents = await fresh(collection, revisions, event);
        hooks.onPulled?.(documents.length);
        if (!documents.length || !event.checkpoint) return [];
        hooks.onHandedOver?.(event.checkpoint);
        return [{ documents, checkpoint: event.checkpoint }];
      } catch {
        // The local state could not be read: a pull catches up with what this event carried.
        return ['RESYNC'];
      }
    }),
    concatMap((items) => items),
  );
  return { stream$, kick: () => source.kick() };
}
