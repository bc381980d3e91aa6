import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';

/**
 * The name a document's PDF gets in a folder or package: the record's file name with the
 * document id added (`vedtak-2026-00042-<id>.pdf`), so a second document of the same kind in one
 * case gets a file of its own. Characters a file name may not carry become `-`.
 */
export function archivedFileName(record: Pick<ArchiveRecord, 'fileName' | 'documentId'>): string {
  const stem = record.fileName.replace(/\.pdf$/, '');
  return `${stem}-${record.documentId.replace(/[^A-Za-z0-9._-]/g, '-')}.pdf`;
}
