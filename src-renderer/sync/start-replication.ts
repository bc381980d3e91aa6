import type { CollectionsOfDatabase, RxCollection, RxDatabase, WithDeleted } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, type Observable } from 'rxjs';
import { replicatedCollections, schemaVersionOf, type CollectionName } from '../../src-shared/db/collections';
import type { Checkpoint } from '../../src-shared/sync/checkpoint.schema';
import type { PushRowContext } from '../../src-shared/sync/push.schema';
import type { SyncIssue } from '../../src-shared/sync/sync-issue.schema';
import { replicateCollection, type CollectionReplication } from './collection-replication';
import { FirstSyncProgress } from './first-sync-progress';
import { HaltState } from './halt-state';
import { liveEvents } from './live-events';
import { ParentRetry } from './parent-retry';
import { PushAnnotations } from './push-annotations';
import { casesFirst } from './push-order';
import { syncCycle, type SyncNowResult } from './sync-cycle';
import { failureHandler } from './sync-failures';
import { SyncIssues, type FieldChoice } from './sync-issues';
import type { SyncStatus } from './sync-status';
import { SyncStatusStore } from './sync-status-store';
import { syncTimers } from './sync-timers';
import { SyncTransport, type SyncAuth } from './sync-transport';
import { wipeOnRevocation } from './wipe-on-revocation';

export type { SyncNowResult } from './sync-cycle';

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

const SYNC_TIMEOUT_MS = 30_000;

/**
 * Replicates the local RxDB database with the central server: live (Server-Sent Events), a
 * periodic full sync, and "sync now". Exposes an observable status that only reports success
 * after a complete exchange. One refused or broken document never holds up the others: it is
 * recorded in the conflict inbox and the rest go on. A case goes before its records.
 */
export async function startReplication<C extends CollectionsOfDatabase>(db: RxDatabase<C>, options: StartReplicationOptions): Promise<SyncHandle> {
  const status = new SyncStatusStore();
  const halt = new HaltState();
  const failures = new BehaviorSubject(0);
  const issues = new SyncIssues(db.collections as Readonly<Record<string, RxCollection | undefined>>, options.userId);
  const annotations = new PushAnnotations();
  const firstSync = new FirstSyncProgress(status);
  const replications: CollectionReplication[] = [];
  let openIssues: SyncIssue[] = [];

  const pauseAll = () => Promise.all(replications.map(({ replication }) => replication.pause()));
  const cancelAll = () => Promise.all(replications.map(({ replication }) => replication.cancel()));
  const timers = syncTimers((timeoutMs) => runCycle(timeoutMs));
  const wipe = wipeOnRevocation({
    removeDatabase: () => db.remove(),
    status,
    halt,
    cancelReplications: cancelAll,
    stopTimers: () => stopTimers(),
    onWiped: options.onWiped,
  });
  const onFailure = failureHandler({ status, halt, pauseReplications: pauseAll, wipe });
  const transport = new SyncTransport({
    baseUrl: options.baseUrl,
    auth: options.auth,
    fetch: options.fetch,
    onResult: (result) => {
      if (result.ok) return status.reachable();
      failures.next(failures.value + 1);
      void onFailure(result.error);
    },
  });

  const refreshItems = () =>
    status.setItems(
      replications.flatMap(({ name, pending }) => pending.ids().map((id) => ({ collection: name, id }))),
      openIssues,
    );

  const names = options.collections ?? replicatedCollections;
  // Every collection's live events on one connection: a browser keeps six per server, and the
  // others are for pulls and pushes.
  const live = liveEvents(
    (signal) =>
      transport.sharedStream(
        names.map((name) => ({ name, version: schemaVersionOf(name) })),
        signal,
      ),
    options.stream,
  );
  // Cases are set up first: the pushes of their records wait on them.
  for (const name of [...names].sort((a, b) => Number(b === 'cases') - Number(a === 'cases'))) {
    const collection = db.collections[name] as RxCollection | undefined;
    if (!collection) throw new Error(`The local database has no collection "${name}"`);
    const parentCases = replications.find((replication) => replication.name === 'cases');
    replications.push(
      replicateCollection(name, collection, {
        baseUrl: options.baseUrl,
        transport,
        live,
        issues,
        annotations,
        firstSync,
        pullBatchSize: options.pullBatchSize,
        pushBatchSize: options.pushBatchSize,
        retryTimeMs: options.retryTimeMs,
        waitForLeadership: options.waitForLeadership,
        ...(parentCases ? { beforePush: casesFirst(parentCases.pending, halt.halted$) } : {}),
        onPendingChanged: refreshItems,
        onAllConfirmed: () => timers.confirmSoon(),
        onParentMissing: () => parentRetry.schedule(),
        onActive: (active) => status.setActive(name, active, halt.halted),
      }),
    );
  }
  const cases = replications.find((replication) => replication.name === 'cases');
  const parentRetry = new ParentRetry({ cases, openIssues: () => openIssues, retryIssue });
  const runCycle = syncCycle({ replications, status, halt, failures, parentRetry });

  const subscriptions = [
    issues.open$().subscribe((open) => {
      openIssues = open;
      refreshItems();
    }),
    // A record refused for want of its case goes again once the case was sent.
    ...(cases ? [cases.replication.sent$.subscribe(() => parentRetry.schedule())] : []),
  ];

  function stopTimers() {
    timers.stop();
    parentRetry.stop();
  }

  async function retryIssue(issueId: string) {
    const issue = await issues.get(issueId);
    if (!issue) return;
    annotations.set(issue.collectionName, issue.documentId, { resolvesConflict: issueId });
    await issues.retry(issueId);
  }

  await Promise.all(replications.map(({ replication }) => replication.start()));
  timers.setPeriodic(options.periodicSyncMs ?? 60_000);

  // First-sync progress ends when every collection finished its first download.
  void Promise.all(replications.map(({ replication }) => replication.awaitInitialReplication())).then(() => {
    firstSync.finish();
    timers.confirmSoon();
  });

  return {
    status$: status.status$,
    get status() {
      return status.value;
    },
    issues$: issues.open$(),
    replications: Object.fromEntries(replications.map(({ name, replication }) => [name, replication])),
    syncNow: (timeoutMs = SYNC_TIMEOUT_MS) => runCycle(timeoutMs),
    async resolveConflict(issueId, choices) {
      const issue = await issues.get(issueId);
      if (!issue) return;
      annotations.set(issue.collectionName, issue.documentId, { resolvesConflict: issueId });
      await issues.resolve(issueId, choices);
    },
    retryIssue,
    async discardIssue(issueId) {
      await issues.discard(issueId);
    },
    annotate(collection, id, context) {
      annotations.set(collection, id, context);
    },
    setPeriodicSync: (ms) => timers.setPeriodic(ms),
    async resume() {
      if (status.value.phase === 'revoked') return;
      halt.resume();
      status.update({ phase: 'starting', error: null });
      await Promise.all(replications.map(({ replication }) => replication.start()));
      void runCycle(SYNC_TIMEOUT_MS);
    },
    async stop() {
      stopTimers();
      halt.halt();
      subscriptions.forEach((subscription) => subscription.unsubscribe());
      replications.forEach((replication) => replication.unsubscribe());
      await cancelAll();
      if (status.value.phase !== 'revoked') status.update({ phase: 'stopped' });
      status.complete();
    },
  };
}
