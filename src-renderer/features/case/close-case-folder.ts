import type { ArchiveTarget } from '../../../src-shared/documents/documents.contract';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';

export type FolderClosing = { type: 'folderClosing'; targets: ArchiveTarget[] } | { type: 'folderClosingFailed'; message: string };

/**
 * The laptop's executor of any workflow's `closeCaseFolder` command (the case has ended): the
 * main process's outbox tells every archive that keeps a folder per case, kept while offline.
 * `ended` is the case after the step that ended it.
 */
export async function closeCaseFolder(api: Pick<SaksflytApi, 'archiveCloseCase'>, ended: Case, actor: Actor): Promise<FolderClosing> {
  const queued = await api.archiveCloseCase({ caseId: ended.id, caseNumber: ended.caseNumber, closedAt: ended.updatedAt, closedBy: actor.name });
  return queued.ok
    ? { type: 'folderClosing', targets: queued.value.flatMap((entry) => (entry.target === 'email' ? [] : [entry.target])) }
    : { type: 'folderClosingFailed', message: queued.error.message };
}
