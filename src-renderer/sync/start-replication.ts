import { getAssumedMasterState, type CollectionsOfDatabase, type RxCollection, type RxDatabase, type WithDeleted } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, firstValueFrom, Subject, type Observable, type Subscription } from 'rxjs';
import { replicatedCollections, schemaVersionOf, type CollectionName } from '../../src-shared/db/collections';
import type { Checkpoint } from '../../src-shared/sync/checkpoint.schema';
import { jsonEqual } from '../../src-shared/sync/json-value';
import type { PushRowContext } from '../../src-shared/sync/push.schema';
import type { SyncIssue } from '../../src-shared/sync/sync-issue.schema';
import { createConflictHandler } from './conflict-handler';
import {
  createPullHandler,
  createPullStream,
  createPushHandler,
  RejectedRows,
  Revisions,
  upstreamIdle,
  type CollectionEndpoint,
  type HandlerHooks,
} from './replication-handlers';
import { liveEvents } from './live-events';
import { SyncIssues, type FieldChoice } from './sync-issues';
import { initialSyncStatus, mergeItems, type ItemStatus, type SyncStatus } from './sync-status';
import { type SyncRequestError, SyncTransport, type SyncAuth } from './sync-transport';

type Doc = WithDeleted<Record<string, unknown>>;

export interface StartReplicationOptions {
  /** The server, e.g. http://127.0.0.1:8787. */
  baseUrl: string;
  auth: SyncAuth;
  /** The signed-in user: stamped on values picked in the conflict inbox. */
  userId?: string;
  collections?: readonly CollectionName[];
  /** Interval of the periodic full sync (settings); 0 turns it off. Default 60 s. */
  periodicSyncMs?: number;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /** Wait after a failed request before RxDB retries it. Default 5 s. */
  retryTimeMs?: number;
  /** Only the leading window/tab replicates (RxDB leader election). Default true. */
  waitForLeadership?: boolean;
  fetch?: typeof fetch;
  /** Live stream reconnect delays. */
  stream?: { minRetryMs?: number; maxRetryMs?: number };
  /** Called after the local replica was wiped because this device was revoked. */
  onWiped?(): void;
}

export type SyncNowResult = { ok: true } | { ok: false; error: { code: string; message: string } };

export interface SyncHandle {
  readonly status$: Observable<SyncStatus>;
  readonly status: SyncStatus;
  /** Open entries of the conflict inbox (conflicts, refused and quarantined changes). */
  readonly issues$: Observable<SyncIssue[]>;
  readonly replications: Readonly<Record<string, RxReplicationState<Doc, Checkpoint>>>;
  /** Pushes and pulls everything now; resolves when done or failed — never "ok" after a timeout. */
  syncNow(timeoutMs?: number): Promise<SyncNowResult>;
  /** Applies the user's pick per field of an inbox entry; the result is pushed and audited. */
  resolveConflict(issueId: string, choices: Record<string, FieldChoice>): Promise<void>;
  retryIssue(issueId: string): Promise<void>;
  discardIssue(issueId: string): Promise<void>;
  /** Context sent with the next push of a document (e.g. registered on behalf of a partner). */
  annotate(collection: CollectionName, id: string, context: PushRowContext): void;
  setPeriodicSync(ms: number): void;
  /** Continues after a new sign-in (phase `signed-out`). */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

interface CollectionState {
  name: CollectionName;
  collection: RxCollection;
  replication: RxReplicationState<Doc, Checkpoint>;
  pending: Map<string, Doc>;
  kickStream(): void;
}

const DOWNSTREAM_WRITE = 'replication-downstream-';
const CASES_FIRST_MS = 10_000;

/**
 * Replicates the local RxDB database with the central server: live (Server-Sent Events), a
 * periodic full sync, and "sync now". Exposes an observable status that only reports success
 * after a complete exchange. One refused or broken document never holds up the others: it is
 * recorded in the conflict inbox and the rest go on.
 */
export async function startReplication<C extends CollectionsOfDatabase>(db: RxDatabase<C>, options: StartReplicationOptions): Promise<SyncHandle> {
  const status$ = new BehaviorSubject<SyncStatus>(initialSyncStatus);
  /** Emits when sync halts (signed out, outdated, revoked, stopped): running cycles end at once. */
  const halted$ = new Subject<void>();
  const update = (patch: Partial<SyncStatus>) => status$.next({ ...status$.value, ...patch });
  const issues = new SyncIssues(db.collections as Readonly<Record<string, RxCollection | undefined>>, options.userId);
  const annotations = new Map<string, PushRowContext>();
  const subscriptions: Subscription[] = [];
  const states: CollectionState[] = [];
  let openIssues: SyncIssue[] = [];
  let errors = 0;
  let halted = false;
  const totals = new Map<string, number>();
  let received = 0;
  let initialDone = false;
  /** Per collection: when the latest completed pull started (ms). */
  const lastPullStart = new Map<string, number>();

  const transport = new SyncTransport({
    baseUrl: options.baseUrl,
    auth: options.auth,
    fetch: options.fetch,
    onResult: (result) => {
      if (result.ok) {
        if (!status$.value.online || status$.value.phase === 'offline') update({ online: true, phase: anyActive() ? 'syncing' : 'idle', error: null });
        return;
      }
      errors++;
      void onFailure(result.error);
    },
  });

  async function onFailure(error: SyncRequestError) {
    const detail = { code: error.code, message: error.message };
    if (error.transient) return update({ online: false, phase: halted ? status$.value.phase : 'offline', error: detail });
    if (error.code === 'device-revoked') return wipe(detail);
    if (['signed-out', 'unauthenticated', 'user-disabled', 'refresh-reused'].includes(error.code)) return halt('signed-out', detail);
    if (error.code === 'schema-outdated') return halt('outdated', detail);
    update({ online: true, error: detail });
  }

  async function halt(phase: 'signed-out' | 'outdated', error: SyncStatus['error']) {
    if (halted) return;
    halted = true;
    update({ phase, error });
    halted$.next();
    await Promise.all(states.map((state) => state.replication.pause()));
  }

  async function wipe(error: SyncStatus['error']) {
    if (status$.value.phase === 'revoked') return;
    halted = true;
    update({ phase: 'revoked', error, unsyncedCount: 0, items: [], firstSync: null });
    halted$.next();
    stopTimers();
    await Promise.all(states.map((state) => state.replication.cancel()));
    await db.remove();
    options.onWiped?.();
  }

  const anyActive = () => states.some((state) => state.replication.isStopped() === false && activeNow.has(state.name));
  const activeNow = new Set<string>();

  function refreshItems() {
    const pending = states.flatMap((state) => [...state.pending.keys()].map((id) => ({ collection: state.name, id })));
    const issueItems: ItemStatus[] = openIssues.map((issue) => ({
      collection: issue.collectionName,
      id: issue.documentId,
      state: issue.kind,
      issueId: issue.id,
      ...(issue.reason ? { reason: issue.reason } : {}),
      ...(issue.code ? { code: issue.code } : {}),
      ...(issue.message ? { message: issue.message } : {}),
    }));
    update({ items: mergeItems(pending, issueItems), unsyncedCount: pending.length });
  }

  const names = options.collections ?? replicatedCollections;
  // Every collection's live events on one connection: a browser keeps six per server, and the
  // others are for pulls and pushes.
  const live = liveEvents(
    (signal) => transport.sharedStream(names.map((name) => ({ name, version: schemaVersionOf(name) })), signal),
    options.stream,
  );
  for (const name of names) {
    const collection = db.collections[name] as RxCollection | undefined;
    if (!collection) throw new Error(`The local database has no collection "${name}"`);
    const primaryKey = collection.schema.primaryPath as string;
    const endpoint: CollectionEndpoint = { collection, name, version: schemaVersionOf(name), transport, revisions: new Revisions() };
    const rejected = new RejectedRows();
    const pending = new Map<string, Doc>();
    collection.conflictHandler = createConflictHandler({
      collection: name,
      primaryKey,
      rejected,
      recordConflict: (id, fields) => issues.recordConflict(name, id, fields),
    });
    const hooks: HandlerHooks = {
      onTotal: (total) => {
        if (initialDone) return;
        totals.set(name, total);
        if (!status$.value.firstSync || status$.value.firstSync.total === 0) received = 0;
        update({ firstSync: { received: Math.min(received, sum(totals)), total: sum(totals) } });
      },
      onPulled: (count, startedAt) => {
        if (startedAt !== undefined) lastPullStart.set(name, Math.max(startedAt, lastPullStart.get(name) ?? 0));
        if (initialDone || !status$.value.firstSync) return;
        received += count;
        update({ firstSync: { received: Math.min(received, sum(totals)), total: sum(totals) } });
      },
      onPushStart: (rows) => {
        for (const row of rows) if (!pending.has(String(row[primaryKey]))) pending.set(String(row[primaryKey]), row);
        refreshItems();
      },
      onPushed: (stored) => {
        for (const doc of stored) {
          const id = String(doc[primaryKey]);
          if (jsonEqual(pending.get(id), doc)) pending.delete(id);
          annotations.delete(`${name}\u0000${id}`);
        }
        refreshItems();
        if (!pending.size) scheduleConfirmation();
      },
      onRejected: async (rejection, row) => {
        await issues.recordRejection(name, rejection, row);
        annotations.delete(`${name}\u0000${rejection.id}`);
        if (rejection.reason === 'parent-missing') retryWaiting();
      },
      contextFor: (id) => annotations.get(`${name}\u0000${id}`),
    };
    // `replication` is declared below; the stream only calls this once it runs.
    const stream = createPullStream(endpoint, { source: live, pushesSettled: () => upstreamIdle(replication) }, hooks);
    const replication = replicateRxCollection<Doc, Checkpoint>({
      replicationIdentifier: `saksflyt-${name}-${options.baseUrl}`,
      collection,
      pull: { handler: createPullHandler(endpoint, hooks), stream$: stream.stream$, batchSize: options.pullBatchSize ?? 500 },
      push: {
        handler: createPushHandler(endpoint, rejected, hooks),
        batchSize: options.pushBatchSize ?? 100,
        // Records of a case go after the case itself, so a case and its notes written offline arrive in order.
        ...(name === 'cases' ? {} : { waitBeforePersist: () => casesUploaded() }),
      },
      live: true,
      retryTime: options.retryTimeMs ?? 5000,
      waitForLeadership: options.waitForLeadership ?? true,
      autoStart: false,
    });
    const state: CollectionState = { name, collection, replication, pending, kickStream: stream.kick };
    states.push(state);

    subscriptions.push(
      // Every local write is unsynced until the server confirms it (writes coming from the server are not).
      collection.storageInstance.changeStream().subscribe((bulk) => {
        if (bulk.context.startsWith(DOWNSTREAM_WRITE)) return;
        for (const event of bulk.events) {
          const { _meta: _m, _rev: _r, _attachments: _a, ...fields } = event.documentData as Record<string, unknown>;
          pending.set(event.documentId, fields as Doc);
        }
        refreshItems();
      }),
      replication.active$.subscribe((active) => {
        if (active) activeNow.add(name);
        else activeNow.delete(name);
        if (!halted && status$.value.online) update({ phase: anyActive() ? 'syncing' : 'idle' });
        if (!active) void settlePending(state);
      }),
    );
  }

  /**
   * Resolves when no case waits to be confirmed by the server (a case and its notes written offline
   * then arrive in order), or after CASES_FIRST_MS at most: records must not wait for ever on a case
   * the server keeps failing; a record that arrives before its case is retried (parent-missing).
   */
  async function casesUploaded(): Promise<void> {
    const cases = states.find((state) => state.name === 'cases');
    const deadline = Date.now() + CASES_FIRST_MS;
    while (cases?.pending.size && Date.now() < deadline && !halted) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  /** Drops pending entries whose local state RxDB already knows the server has (e.g. edits undone). */
  async function settlePending(state: CollectionState) {
    const internal = state.replication.internalReplicationState;
    if (!internal || !state.pending.size) return;
    const ids = [...state.pending.keys()];
    const [assumed, fork] = await Promise.all([getAssumedMasterState(internal, ids), state.collection.storageInstance.findDocumentsById(ids, true)]);
    for (const doc of fork) {
      const id = String((doc as Record<string, unknown>)[state.collection.schema.primaryPath]);
      const { _meta: _m, _rev: _r, _attachments: _a, ...fields } = doc as Record<string, unknown>;
      if (assumed[id] && jsonEqual(assumed[id]!.docData, fields) && jsonEqual(state.pending.get(id), fields)) state.pending.delete(id);
    }
    refreshItems();
  }

  subscriptions.push(
    issues.open$().subscribe((open) => {
      openIssues = open;
      refreshItems();
    }),
  );

  // A record refused because its case was not on the server yet goes again once the case is
  // (the case exists here and the server has confirmed it). Tried a few times at most.
  const waitingRetries = new Map<string, number>();
  async function retryWaitingNow(): Promise<number> {
    const cases = states.find((state) => state.name === 'cases');
    let retried = 0;
    for (const issue of openIssues) {
      const caseId = issue.fields.find((field) => field.path === 'caseId')?.local;
      if (issue.reason !== 'parent-missing' || typeof caseId !== 'string' || cases?.pending.has(caseId)) continue;
      const tries = waitingRetries.get(issue.id) ?? 0;
      if (tries >= 5 || !(await cases?.collection.findOne(caseId).exec())) continue;
      waitingRetries.set(issue.id, tries + 1);
      await retryIssue(issue.id);
      retried++;
    }
    return retried;
  }
  let waitingTimer: ReturnType<typeof setTimeout> | undefined;
  function retryWaiting() {
    clearTimeout(waitingTimer);
    waitingTimer = setTimeout(() => void retryWaitingNow(), 100);
  }
  const casesState = states.find((state) => state.name === 'cases');
  if (casesState) subscriptions.push(casesState.replication.sent$.subscribe(() => retryWaiting()));

  async function runCycle(timeoutMs: number): Promise<SyncNowResult> {
    if (halted) return { ok: false, error: status$.value.error ?? { code: status$.value.phase, message: 'Sync is stopped' } };
    const started = new Date().toISOString();
    const errorsBefore = errors;
    states.forEach((state) => {
      state.kickStream();
      state.replication.reSync();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const stopped = firstValueFrom(halted$, { defaultValue: undefined }).then(() => 'stopped' as const);
    const startedMs = Date.parse(started);
    const inSync = () => Promise.all(states.map((state) => state.replication.awaitInSync()));
    const exchange = async () => {
      await inSync();
      // "In sync" is only true once every collection has pulled since this cycle began.
      while (!halted && states.some((state) => (lastPullStart.get(state.name) ?? 0) < startedMs)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // …and what those pulls brought is written (the pull handler returns before RxDB writes).
      await inSync();
      // Records that waited for their case go now that it is confirmed, within this same sync.
      if ((await retryWaitingNow()) > 0) await inSync();
      // Local writes RxDB has not picked up yet are not "in sync": wait for them too, unless sending fails.
      while (!halted && errors === errorsBefore && (await Promise.all(states.map(settlePending)), unsentCount() > 0)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await inSync();
      }
      return 'done' as const;
    };
    const outcome = await Promise.race([exchange(), timedOut, stopped]);
    clearTimeout(timer);
    if (outcome === 'stopped') return { ok: false, error: status$.value.error ?? { code: status$.value.phase, message: 'Sync stopped' } };
    if (outcome === 'timeout') {
      const error = status$.value.error ?? { code: 'timeout', message: 'Sync did not finish in time; changes are kept and sent later.' };
      return { ok: false, error };
    }
    await Promise.all(states.map(settlePending));
    const unsent = unsentCount();
    if (errors !== errorsBefore || unsent > 0 || halted) {
      return { ok: false, error: status$.value.error ?? { code: 'incomplete', message: `${unsent} changes are not confirmed by the server yet.` } };
    }
    update({ lastSuccessfulSync: started, error: null });
    return { ok: true };
  }

  const unsentCount = () => states.reduce((count, state) => count + state.pending.size, 0);

  let confirmTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleConfirmation() {
    clearTimeout(confirmTimer);
    confirmTimer = setTimeout(() => void runCycle(30_000), 500);
  }

  let periodic: ReturnType<typeof setInterval> | undefined;
  function setPeriodicSync(ms: number) {
    clearInterval(periodic);
    periodic = ms > 0 ? setInterval(() => void runCycle(Math.max(ms, 30_000)), ms) : undefined;
  }

  // In a window: sync at once when the network comes back.
  const onOnline = () => void runCycle(30_000);
  const browser = (globalThis as { window?: EventTarget }).window;
  browser?.addEventListener('online', onOnline);

  function stopTimers() {
    clearInterval(periodic);
    clearTimeout(confirmTimer);
    clearTimeout(waitingTimer);
    browser?.removeEventListener('online', onOnline);
  }

  async function retryIssue(issueId: string) {
    const issue = await issues.get(issueId);
    if (!issue) return;
    annotations.set(`${issue.collectionName}\u0000${issue.documentId}`, { resolvesConflict: issueId });
    await issues.retry(issueId);
  }

  await Promise.all(states.map((state) => state.replication.start()));
  setPeriodicSync(options.periodicSyncMs ?? 60_000);

  // First-sync progress ends when every collection finished its first download.
  void Promise.all(states.map((state) => state.replication.awaitInitialReplication())).then(() => {
    initialDone = true;
    update({ firstSync: null });
    scheduleConfirmation();
  });

  return {
    status$: status$.asObservable(),
    get status() {
      return status$.value;
    },
    issues$: issues.open$(),
    replications: Object.fromEntries(states.map((state) => [state.name, state.replication])),
    syncNow: (timeoutMs = 30_000) => runCycle(timeoutMs),
    async resolveConflict(issueId, choices) {
      const issue = await issues.get(issueId);
      if (!issue) return;
      annotations.set(`${issue.collectionName}\u0000${issue.documentId}`, { resolvesConflict: issueId });
      await issues.resolve(issueId, choices);
    },
    retryIssue,
    async discardIssue(issueId) {
      await issues.discard(issueId);
    },
    annotate(collection, id, context) {
      annotations.set(`${collection}\u0000${id}`, context);
    },
    setPeriodicSync,
    async resume() {
      if (status$.value.phase === 'revoked') return;
      halted = false;
      update({ phase: 'starting', error: null });
      await Promise.all(states.map((state) => state.replication.start()));
      void runCycle(30_000);
    },
    async stop() {
      stopTimers();
      halted = true;
      halted$.next();
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      await Promise.all(states.map((state) => state.replication.cancel()));
      if (status$.value.phase !== 'revoked') update({ phase: 'stopped' });
      status$.complete();
    },
  };
}

function sum(values: Map<string, number>): number {
  let total = 0;
  for (const value of values.values()) total += value;
  return total;
}
