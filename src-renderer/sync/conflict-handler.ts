import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { jsonEqual, type JsonRecord } from '../../src-shared/sync/json-value';
import { mergeDocuments } from '../../src-shared/sync/merge-policy';
import type { RejectedRows } from './replication-handlers';

type Doc = WithDeleted<Record<string, unknown>>;

export interface ConflictHandlerContext {
  collection: string;
  primaryKey: string;
  rejected: RejectedRows;
  /** Stores both-side fields in the conflict inbox (before the merged state is written). */
  recordConflict(documentId: string, fields: ReturnType<typeof mergeDocuments>['conflicts']): Promise<void>;
}

/**
 * Replaces RxDB's default handler (which silently drops the local change in favour of the server).
 * - A row the server refused: take the server's state; the refused values are already recorded.
 * - Otherwise a field-level three-way merge of assumed master, real master and local state: fields
 *   changed on one side merge silently; fields changed on both keep the server value and go to the
 *   conflict inbox, where the user picks.
 */
export function createConflictHandler(context: ConflictHandlerContext): RxConflictHandler<Doc> {
  const isEqual = (a: Doc, b: Doc) => jsonEqual(a, b);
  return {
    isEqual,
    async resolve({ assumedMasterState, realMasterState, newDocumentState }) {
      const id = String(newDocumentState[context.primaryKey]);
      if (context.rejected.take(id, newDocumentState, isEqual)) return realMasterState;
      const { merged, conflicts } = mergeDocuments(context.collection, {
        base: assumedMasterState as JsonRecord | undefined,
        server: realMasterState as JsonRecord,
        local: newDocumentState as JsonRecord,
      });
      await context.recordConflict(id, conflicts);
      return { ...merged, _deleted: merged._deleted === true } as Doc;
    },
  };
}
