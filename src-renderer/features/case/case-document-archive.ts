import type { RxCollection, RxDocument } from 'rxdb';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { ArchiveTarget } from '../../../src-shared/documents/documents.contract';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';

/**
 * A case's documents as any case type's steps make and archive them: the record of a document
 * the main process has issued, and its delivery to every archive this laptop is set up for
 * through the main process's outbox (kept while offline).
 */
export type ArchiveReport =
  | { type: 'archiveQueued'; document: CaseDocument['kind']; targets: ArchiveTarget[] }
  | { type: 'archiveFailed'; document: CaseDocument['kind']; message: string };

/** A new document id: readable, unique, within the id length limit. */
export function newDocumentId(caseId: string, kind: CaseDocument['kind']): string {
  return `${caseId.slice(0, 40)}-${kind}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The record of a document the main process has issued (or, unsigned and unissued, a draft). */
export function documentRecord(
  caseDoc: { id: string },
  fields: Pick<CaseDocument, 'id' | 'kind' | 'title' | 'sha256' | 'signatures'>,
  actor: Actor,
): CaseDocument {
  return {
    ...fields,
    caseId: caseDoc.id,
    archiveState: 'not-archived',
    archiveReference: '',
    createdAt: new Date().toISOString(),
    createdBy: actor.userId,
  };
}

/** The stored document with this id if it has been issued (a draft has no bytes yet). */
export async function issuedDocument(documents: RxCollection<CaseDocument>, id: string | undefined): Promise<RxDocument<CaseDocument> | null> {
  const stored = id ? await documents.findOne(id).exec() : null;
  return stored && stored.sha256 !== '' ? stored : null;
}

/** Queues the issued document for every archive this laptop delivers to; the replica's record says it is queued. */
export async function archiveDocument(
  api: Pick<SaksflytApi, 'archiveTargets' | 'archiveEnqueue'>,
  stored: RxDocument<CaseDocument>,
  record: ArchiveRecord,
): Promise<ArchiveReport> {
  const kind = stored.kind;
  const configured = await api.archiveTargets();
  if (!configured.ok) return { type: 'archiveFailed', document: kind, message: configured.error.message };
  const targets: ArchiveTarget[] = [];
  const problems: string[] = [];
  for (const target of configured.value) {
    const queued = await api.archiveEnqueue({ target, record });
    if (queued.ok) targets.push(target);
    else problems.push(`${target}: ${queued.error.message}`);
  }
  if (targets.length > 0) await stored.incrementalPatch({ archiveState: 'queued' });
  return problems.length > 0 ? { type: 'archiveFailed', document: kind, message: problems.join('; ') } : { type: 'archiveQueued', document: kind, targets };
}
