import type { ArchiveEntry } from '../../../src-shared/documents/documents.contract';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';

/** The archive whose reference the case records, when a document went to several. */
const referencePreference: readonly ArchiveEntry['target'][] = ['p360', 'noark5', 'folder'];

/**
 * A document's archive state from its outbox entries (letters sent by e-mail do not count): failed if any archive gave up, archived
 * when all took it (with the preferred archive's reference), queued while any is still trying.
 */
export function archiveStateOf(deliveries: readonly ArchiveEntry[]): Pick<CaseDocument, 'archiveState' | 'archiveReference'> | undefined {
  const entries = deliveries.filter((entry) => entry.target !== 'email');
  if (entries.length === 0) return undefined;
  if (entries.some((entry) => entry.status === 'failed')) return { archiveState: 'failed', archiveReference: '' };
  if (!entries.every((entry) => entry.status === 'archived')) return { archiveState: 'queued', archiveReference: '' };
  const preferred = [...entries].sort((a, b) => referencePreference.indexOf(a.target) - referencePreference.indexOf(b.target))[0];
  return { archiveState: 'archived', archiveReference: (preferred?.reference ?? '').slice(0, 100) };
}

export const isPending = (entry: ArchiveEntry) => entry.status === 'queued' || entry.status === 'sending';
