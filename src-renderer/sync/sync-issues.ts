import type { RxCollection } from 'rxdb';
import { map, type Observable } from 'rxjs';
import { jsonEqual, type JsonRecord } from '../../src-shared/sync/json-value';
import { mergePolicies } from '../../src-shared/sync/merge-policy';
import type { PushRow, Rejection } from '../../src-shared/sync/push.schema';
import { issueKindOf, syncIssueId, type SyncIssue } from '../../src-shared/sync/sync-issue.schema';
import { changedPaths, valueAt, withValueAt, type FieldConflict } from '../../src-shared/sync/three-way-merge';

export type FieldChoice = 'local' | 'server';

const DELETED = '_deleted';

/**
 * The conflict inbox and the record of refused changes, kept in the local `conflicts` collection
 * (see src-shared/sync/sync-issue.schema.ts). Entries are written before the replica changes, so a
 * crash in between loses nothing. Picking a value writes it to the document as a normal local
 * change: it is pushed, checked and audited like any other.
 */
export class SyncIssues {
  constructor(
    private readonly collections: Readonly<Record<string, RxCollection | undefined>>,
    private readonly userId: string | undefined,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  private get inbox(): RxCollection<SyncIssue> {
    const collection = this.collections.conflicts as RxCollection<SyncIssue> | undefined;
    if (!collection) throw new Error('The local database has no "conflicts" collection');
    return collection;
  }

  /** Fields changed on both sides; merged into the open entry of the same document. */
  async recordConflict(collection: string, documentId: string, fields: FieldConflict[]): Promise<void> {
    if (!fields.length) return;
    const id = syncIssueId('conflict', collection, documentId);
    const existing = await this.inbox.findOne(id).exec();
    const previous = existing && !existing.resolved ? existing.fields.filter((field) => !fields.some((f) => f.path === field.path)) : [];
    await this.inbox.upsert({
      id,
      kind: 'conflict',
      collectionName: collection,
      documentId,
      fields: [...previous, ...fields],
      detectedAt: this.now(),
      resolved: false,
    });
  }

  /** A refused change: the refused values (and the server's, when the user may see them). */
  async recordRejection(collection: string, rejection: Rejection, row: PushRow): Promise<void> {
    const local = row.newDocumentState as JsonRecord;
    const base = (row.assumedMasterState ?? undefined) as JsonRecord | undefined;
    const server = (rejection.masterState ?? undefined) as JsonRecord | undefined;
    const paths = changedPaths(base?.[DELETED] === true ? undefined : base, local);
    if (local[DELETED] === true) paths.push(DELETED);
    const kind = issueKindOf(rejection.reason);
    const id = syncIssueId(kind, collection, rejection.id);
    const fields = paths.map((path) => ({ path, local: valueAt(local, path) ?? null, server: server ? (valueAt(server, path) ?? null) : null }));
    const existing = await this.inbox.findOne(id).exec();
    // An earlier refused change to the same document stays, except where this one overrides it.
    const previous = existing && !existing.resolved ? existing.fields.filter((field) => !paths.includes(field.path)) : [];
    await this.inbox.upsert({
      id,
      kind,
      collectionName: collection,
      documentId: rejection.id,
      fields: [...previous, ...fields],
      detectedAt: this.now(),
      resolved: false,
      reason: rejection.reason,
      message: rejection.message,
      ...(rejection.code ? { code: rejection.code } : {}),
    });
  }

  /** Open entries, newest first. */
  open$(): Observable<SyncIssue[]> {
    return this.inbox
      .find({ selector: { resolved: false }, sort: [{ detectedAt: 'desc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as SyncIssue)));
  }

  async get(issueId: string): Promise<SyncIssue | null> {
    const doc = await this.inbox.findOne(issueId).exec();
    return doc ? (doc.toJSON() as SyncIssue) : null;
  }

  /**
   * Applies the user's pick per field ("local" writes this laptop's value; "server" keeps what is
   * there) and closes the entry. Fields not named keep the server value. Returns the written
   * document, or null when nothing had to change.
   */
  async resolve(issueId: string, choices: Record<string, FieldChoice>): Promise<JsonRecord | null> {
    const issue = await this.get(issueId);
    if (!issue || issue.resolved) return null;
    const picked = issue.fields.filter((field) => choices[field.path] === 'local');
    const written = picked.length ? await this.apply(issue.collectionName, issue.documentId, picked) : null;
    await this.inbox.upsert({ ...issue, resolved: true });
    return written;
  }

  /** Sends a refused or quarantined change again (e.g. after its case reached the server). */
  retry(issueId: string): Promise<JsonRecord | null> {
    return this.get(issueId).then((issue) =>
      issue ? this.resolve(issueId, Object.fromEntries(issue.fields.map((field) => [field.path, 'local' as const]))) : null,
    );
  }

  discard(issueId: string): Promise<JsonRecord | null> {
    return this.resolve(issueId, {});
  }

  private async apply(collectionName: string, documentId: string, fields: SyncIssue['fields']): Promise<JsonRecord | null> {
    const collection = this.collections[collectionName];
    if (!collection) throw new Error(`No local collection "${collectionName}"`);
    const current = await collection.findOne(documentId).exec();
    if (fields.some((field) => field.path === DELETED && field.local === true)) {
      await current?.remove();
      return null;
    }
    let next: JsonRecord = current ? (current.toMutableJSON() as JsonRecord) : {};
    for (const field of fields) if (field.path !== DELETED) next = withValueAt(next, field.path, field.local === null ? undefined : field.local);
    next = this.stamp(collectionName, next);
    if (current && jsonEqual(current.toJSON(), next)) return null;
    await collection.upsert(next);
    return next;
  }

  /** Marks the document as changed by this user now, as the server expects of a local change. */
  private stamp(collection: string, doc: JsonRecord): JsonRecord {
    const policy = mergePolicies[collection];
    if (!policy) return doc;
    const stamped = { ...doc };
    if (policy.bookkeeping.includes('updatedAt')) stamped.updatedAt = this.now();
    if (policy.bookkeeping.includes('updatedBy') && this.userId) stamped.updatedBy = this.userId;
    return policy.derive ? policy.derive(stamped) : stamped;
  }
}
