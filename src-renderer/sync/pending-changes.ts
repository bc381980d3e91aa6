import { getAssumedMasterState, type EventBulk, type RxCollection, type RxStorageInstanceReplicationState, type WithDeleted } from 'rxdb';
import { Subject, type Observable } from 'rxjs';
import { jsonEqual } from '../../src-shared/sync/json-value';

type Doc = WithDeleted<Record<string, unknown>>;

/** Writes the replication itself made with data from the server (not unsynced). */
const DOWNSTREAM_WRITE = 'replication-downstream-';

/**
 * One collection's local changes the server has not confirmed yet, by document id, with the
 * state written. `changed$` emits after every change, so others wait on it instead of polling.
 */
export class PendingChanges {
  private readonly docs = new Map<string, Doc>();
  private readonly changed = new Subject<void>();
  readonly changed$: Observable<void> = this.changed.asObservable();
  private readonly primaryKey: string;

  constructor(
    private readonly collection: RxCollection,
    /** The running replication's state (what RxDB knows the server has). */
    private readonly replicationState: () => RxStorageInstanceReplicationState<Doc> | undefined,
  ) {
    this.primaryKey = collection.schema.primaryPath as string;
  }

  get size(): number {
    return this.docs.size;
  }

  ids(): string[] {
    return [...this.docs.keys()];
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Every local write is unsynced until the server confirms it (writes from the server are not). */
  recordWrites(bulk: EventBulk<{ documentId: string; documentData: unknown }, unknown>): void {
    if (bulk.context.startsWith(DOWNSTREAM_WRITE)) return;
    for (const event of bulk.events) this.docs.set(event.documentId, withoutMeta(event.documentData));
    this.changed.next();
  }

  /** Rows about to be sent (e.g. written before a restart): unsynced until the server answers. */
  sending(rows: Doc[]): void {
    for (const row of rows) {
      const id = this.idOf(row);
      if (!this.docs.has(id)) this.docs.set(id, row);
    }
    this.changed.next();
  }

  /** The server stored these states; a document written again meanwhile stays pending. */
  confirmed(stored: Doc[]): void {
    for (const doc of stored) {
      const id = this.idOf(doc);
      if (jsonEqual(this.docs.get(id), doc)) this.docs.delete(id);
    }
    this.changed.next();
  }

  /** Drops entries whose local state RxDB already knows the server has (e.g. edits undone, refusals reverted). */
  async settle(): Promise<void> {
    if (!this.docs.size) return;
    const states = await this.localStates(this.ids());
    const settled = states.filter(({ id, fields, confirmed }) => confirmed && jsonEqual(this.docs.get(id), fields));
    for (const { id } of settled) this.docs.delete(id);
    if (settled.length) this.changed.next();
  }

  /**
   * Adds the documents among `ids` that exist here in a state the server has not confirmed, though
   * no push has picked them up in this session yet (written offline before a restart).
   */
  async adoptUnconfirmed(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.docs.has(id));
    if (!missing.length) return;
    const states = await this.localStates(missing);
    const adopted = states.filter((state) => !state.confirmed && !this.docs.has(state.id));
    for (const { id, fields } of adopted) this.docs.set(id, fields);
    if (adopted.length) this.changed.next();
  }

  /** The local states of `ids` (deletions included), and whether the server is known to have each. */
  private async localStates(ids: string[]): Promise<{ id: string; fields: Doc; confirmed: boolean }[]> {
    const internal = this.replicationState();
    if (!internal) return [];
    const [assumed, local] = await Promise.all([getAssumedMasterState(internal, ids), this.collection.storageInstance.findDocumentsById(ids, true)]);
    return local.map((doc) => {
      const fields = withoutMeta(doc);
      const id = this.idOf(fields);
      return { id, fields, confirmed: Boolean(assumed[id]) && jsonEqual(assumed[id]!.docData, fields) };
    });
  }

  private idOf(doc: Doc): string {
    return String(doc[this.primaryKey]);
  }
}

function withoutMeta(documentData: unknown): Doc {
  const { _meta: _m, _rev: _r, _attachments: _a, ...fields } = documentData as Record<string, unknown>;
  return fields as Doc;
}
