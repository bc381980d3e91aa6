import type { CaseType } from '../case/case-type';
import { changedPaths } from '../../sync/three-way-merge';
import type { JsonRecord } from '../../sync/json-value';
import { roleCanEdit, roleKeepsRecords } from './access';
import { partAccess, type RecordPart } from './access-table';
import type { Actor } from './roles';

/**
 * Who may write the records of a case (notes, documents, tasks), from the access table. Pure: the
 * server runs it on every pushed record, the app to offer the actions.
 */
export type RecordCollection = 'notes' | 'documents' | 'tasks';

export interface RecordWrite {
  actor: Actor;
  /** The case the record belongs to (its scope fields). */
  parent: Parameters<typeof roleCanEdit>[2] & { type: CaseType };
  collection: RecordCollection;
  /** The stored record, or null for a new one. */
  before: JsonRecord | null;
  after: JsonRecord;
}

export type RecordWriteResult = { ok: true } | { ok: false; code: string; message: string };

const OK: RecordWriteResult = { ok: true };
const deny = (code: string, message: string): RecordWriteResult => ({ ok: false, code, message });

/** Fields of a document record that the signing and archiving services write, not its editors. */
export const documentServiceFields = ['signatures', 'archiveState', 'archiveReference'] as const;

/** Archive states a document record may move between (the archive outbox's life cycle). */
const archiveMoves: Record<string, readonly string[]> = {
  'not-archived': ['queued', 'archived', 'failed'],
  queued: ['archived', 'failed'],
  failed: ['queued', 'archived'],
  archived: [],
};

/** The part of the access table a record belongs to. */
export function recordPart(collection: RecordCollection, record: JsonRecord): RecordPart {
  if (collection === 'notes') return record.visibility === 'shared' ? 'sharedNotes' : 'internalNotes';
  return collection;
}

export function checkRecordWrite(write: RecordWrite): RecordWriteResult {
  const { actor, parent, collection, before, after } = write;
  const part = recordPart(collection, after);
  const editors = actor.roles.filter((role) => roleCanEdit(role, actor, parent) && partAccess(parent.type, role, part) === 'w');
  if (collection === 'notes' && before && recordPart(collection, before) !== part) {
    return deny('visibility-changed', 'A note keeps the visibility it was written with; write a new note instead.');
  }
  if (collection === 'documents' && !before && after.createdBy !== actor.userId) {
    return deny('created-by-mismatch', 'A document is registered in your own name.');
  }
  // Deleting is editing: only the part's editors delete (the change lists do not show `_deleted`).
  if (after._deleted === true) return editors.length > 0 ? OK : deny('forbidden', `You may not delete ${part} of this case.`);
  if (editors.length > 0 && !(collection === 'documents' && before)) return OK;
  const changed = changedPaths(before ?? undefined, after).filter((path) => path !== 'updatedAt');

  if (collection === 'tasks' && before && editors.length === 0) {
    const own = before.assigneeId === actor.userId && actor.roles.some((role) => partAccess(parent.type, role, 'tasks') === 'o');
    return own && changed.every((path) => path === 'done') ? OK : deny('forbidden', 'You may only tick off tasks assigned to you.');
  }
  if (collection === 'documents' && before) return checkDocumentUpdate(write, changed, editors.length > 0);
  return deny('forbidden', `You may not write ${part === 'sharedNotes' ? 'shared notes' : part === 'internalNotes' ? 'internal notes' : part} on this case.`);
}

/**
 * A document record's own fields change only by its case's editors; its signatures and archive
 * state only move forward, written by staff who keep the case's records (also once it is closed).
 */
function checkDocumentUpdate({ actor, parent, before, after }: RecordWrite, changed: string[], isEditor: boolean): RecordWriteResult {
  const service = changed.filter((path) => (documentServiceFields as readonly string[]).includes(path.split('.')[0]!));
  if (service.length < changed.length && !isEditor) return deny('forbidden', 'You may not change this document.');
  if (service.length === 0) return OK;
  const keeper = actor.roles.some((role) => roleKeepsRecords(role, actor, parent) && partAccess(parent.type, role, 'documents') === 'w');
  if (!keeper) return deny('forbidden', 'Signatures and archive state are written by the signing and archiving of the case.');
  const was = before!;
  const signaturesBefore = (was.signatures ?? []) as unknown[];
  const signaturesAfter = (after.signatures ?? []) as unknown[];
  const kept = signaturesBefore.every((signature, i) => JSON.stringify(signature) === JSON.stringify(signaturesAfter[i]));
  if (!kept || signaturesAfter.length < signaturesBefore.length) {
    return deny('signatures-immutable', 'A signature on a document is never changed or removed.');
  }
  if (was.archiveState !== after.archiveState && !archiveMoves[String(was.archiveState)]?.includes(String(after.archiveState))) {
    return deny('archive-state', `A document cannot go from ${String(was.archiveState)} to ${String(after.archiveState)}.`);
  }
  if (was.archiveReference !== after.archiveReference && (was.archiveReference !== '' || after.archiveState !== 'archived')) {
    return deny('archive-reference', 'The archive reference is set once, when the archive has taken the document.');
  }
  return OK;
}
