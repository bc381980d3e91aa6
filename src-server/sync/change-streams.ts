import type { Actor } from '../../src-shared/domain/access';
import { STREAM_HEARTBEAT_SECONDS } from '../../src-shared/sync/stream.schema';
import { RECONNECTED, type Database } from '../db/database';
import { encodeCheckpoint, feedHead, newestCommitted, type FeedPosition } from './change-feed';
import { batchJson, inSnapshot, readVisible } from './pull';
import type { SyncCollection } from './sync-collections';
import { readFingerprint } from './visibility';

/** What a live stream writes to: one Server-Sent Event per call, and a way to end it. */
export interface StreamSink {
  send(data: string): void;
  comment(text: string): void;
  end(): void;
}

interface Subscriber {
  collection: SyncCollection;
  actor: Actor;
  deviceId: string;
  position: FeedPosition;
  sink: StreamSink;
  running: boolean;
  dirty: boolean;
  closed: boolean;
  timers: NodeJS.Timeout[];
  retry?: NodeJS.Timeout;
}

const STREAM_BATCH = 500;
const HELD_BACK_RETRY_MS = 30;

/**
 * Live streams. Each stream keeps its own feed position, starting at the feed head when it opens
 * (it first sends RESYNC, so the client pulls whatever it missed before that). When a transaction
 * that changed the collection commits, PostgreSQL NOTIFY wakes every stream of that collection on
 * every server instance; each stream then reads on from its position exactly like a pull (same
 * commit-safe feed, same scope filter and purges) and sends what it found with its new position as
 * checkpoint. Wake-ups that arrive while a stream is reading are folded into one more read.
 * Access changes (user disabled, scope edited, device revoked) close the user's streams; the
 * client reconnects and its next pull sees the change.
 */
export class ChangeStreams {
  private readonly subscribers = new Set<Subscriber>();
  private unlisten: Array<() => Promise<void>> = [];

  constructor(
    private readonly db: Database,
    private readonly channels: { changes: string; access: string },
  ) {}

  async start(): Promise<void> {
    this.unlisten.push(
      await this.db.listen(this.channels.changes, (collection) => this.wake(collection)),
      await this.db.listen(this.channels.access, (payload) => this.closeFor(payload)),
    );
  }

  async stop(): Promise<void> {
    for (const subscriber of this.subscribers) this.close(subscriber);
    for (const unlisten of this.unlisten) await unlisten();
    this.unlisten = [];
  }

  get size(): number {
    return this.subscribers.size;
  }

  async open(input: { collection: SyncCollection; actor: Actor; deviceId: string; expiresAt: number; sink: StreamSink }): Promise<() => void> {
    const subscriber: Subscriber = {
      ...input,
      position: await feedHead(this.db, input.collection.name),
      running: false,
      dirty: false,
      closed: false,
      timers: [],
    };
    this.subscribers.add(subscriber);
    input.sink.send(JSON.stringify('RESYNC'));
    subscriber.timers.push(setInterval(() => input.sink.comment('ping'), STREAM_HEARTBEAT_SECONDS * 1000));
    // Close when the access token expires; the client reconnects with a fresh one.
    const untilExpiry = Math.max(0, input.expiresAt * 1000 - Date.now());
    subscriber.timers.push(setTimeout(() => this.close(subscriber), Math.min(untilExpiry, 2 ** 31 - 1)));
    return () => this.close(subscriber);
  }

  /** Ends the streams of a user (payload "user:<id>") or of a device ("device:<id>"). */
  private closeFor(payload: string): void {
    const [kind, id] = payload.split(':');
    for (const subscriber of this.subscribers) {
      if ((kind === 'user' && subscriber.actor.userId === id) || (kind === 'device' && subscriber.deviceId === id)) this.close(subscriber);
    }
  }

  private close(subscriber: Subscriber): void {
    if (subscriber.closed) return;
    subscriber.closed = true;
    subscriber.timers.forEach(clearTimeout);
    clearTimeout(subscriber.retry);
    this.subscribers.delete(subscriber);
    subscriber.sink.end();
  }

  private async stillAllowed(subscriber: Subscriber, fingerprint: string): Promise<boolean> {
    const [row] = await this.db.query<{ revoked: boolean; disabled: boolean; roles: string; scope: string; name: string }>(
      `SELECT d.revoked_at IS NOT NULL AS revoked, u.disabled, u.roles, u.scope, u.name
         FROM devices d JOIN users u ON u.id = d.user_id WHERE d.id = $1`,
      [subscriber.deviceId],
    );
    if (!row || row.revoked || row.disabled) return false;
    const actor = { ...subscriber.actor, name: row.name, roles: JSON.parse(row.roles) as Actor['roles'], scope: JSON.parse(row.scope) as Actor['scope'] };
    return readFingerprint(actor) === fingerprint;
  }

  private wake(collection: string): void {
    for (const subscriber of this.subscribers) {
      if (collection !== RECONNECTED && subscriber.collection.name !== collection) continue;
      subscriber.dirty = true;
      if (!subscriber.running) void this.run(subscriber);
    }
  }

  private async run(subscriber: Subscriber): Promise<void> {
    subscriber.running = true;
    const fingerprint = readFingerprint(subscriber.actor);
    try {
      // Never send with access rights that changed since the stream opened (another instance may
      // have changed them): the client reconnects, and its pull sees the change.
      if (!(await this.stillAllowed(subscriber, fingerprint))) return this.close(subscriber);
      while (subscriber.dirty && !subscriber.closed) {
        subscriber.dirty = false;
        for (;;) {
          const result = await inSnapshot(this.db, (sql) => readVisible(sql, subscriber.collection, subscriber.actor, subscriber.position, STREAM_BATCH));
          if (subscriber.closed) return;
          const moved = result.position !== subscriber.position;
          subscriber.position = result.position;
          if (result.documents.length || result.purged.length) {
            subscriber.sink.send(batchJson(result, encodeCheckpoint(result.position, fingerprint)));
          }
          if (!result.hasMore || !moved) break;
        }
        // Rows committed behind a transaction that is still running are held back by the feed;
        // that transaction may not touch this collection (no wake-up then), so look again soon.
        if (!subscriber.dirty && (await newestCommitted(this.db, subscriber.collection.name, subscriber.position))) {
          clearTimeout(subscriber.retry);
          subscriber.retry = setTimeout(() => this.wake(subscriber.collection.name), HELD_BACK_RETRY_MS);
        }
      }
    } catch {
      // The client notices the closed stream, reconnects and pulls (RESYNC): nothing is skipped.
      this.close(subscriber);
    } finally {
      subscriber.running = false;
    }
  }
}
