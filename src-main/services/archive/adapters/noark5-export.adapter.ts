import { join } from 'node:path';
import { z } from 'zod';
import { archiveRecordSchema } from '../../../../src-shared/documents/archive-record.schema';
import { isoTimestamp } from '../../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { writeFileAtomic } from '../../fs/atomic-write';
import { createSerialQueue } from '../../fs/serial-queue';
import type { ArchiveAdapter } from '../archive-adapter';
import { archivedFileName } from '../archived-file-name';
import { buildArkivstruktur, systemId, type Noark5Document, type Noark5PackageInfo } from '../noark5/arkivstruktur';
import { readManifest, sha256Hex, writeManifest } from '../package-files';

export const NOARK5_DOCUMENTS_DIR = 'dokumenter';
/** The adapter's own list of what the package holds (hidden: not part of the Noark 5 structure). */
const MANIFEST = '.saksflyt-noark5.json';

const manifestSchema = z.object({
  documents: z.array(
    z.object({
      record: archiveRecordSchema,
      filePath: z.string(),
      sha256: z.string(),
      size: z.number().int(),
      archivedAt: isoTimestamp,
      archivedBy: z.string(),
    }),
  ),
});

/**
 * A Noark 5 package kept in `dir`: the PDFs under `dokumenter/` and `arkivstruktur.xml`, written
 * anew (atomically) after every document from the adapter's own manifest. Archiving the same
 * document again replaces its entry, so a retried delivery does not duplicate it.
 */
export function createNoark5ExportAdapter(options: {
  dir: string;
  info: Omit<Noark5PackageInfo, 'exportedAt' | 'exportedBy'>;
  archivedBy?: string;
  now?: () => Date;
}): ArchiveAdapter {
  const now = options.now ?? (() => new Date());
  const archivedBy = options.archivedBy ?? 'Saksflyt';
  const serial = createSerialQueue();
  const manifestPath = join(options.dir, MANIFEST);

  return {
    name: 'noark5',
    archive: ({ record, pdf }) =>
      serial(async () => {
        const manifest = await readManifest(manifestPath, manifestSchema, { documents: [] });
        const filePath = `${NOARK5_DOCUMENTS_DIR}/${archivedFileName(record)}`;
        const clash = manifest.documents.find((document) => document.filePath === filePath && document.record.documentId !== record.documentId);
        if (clash) throw new AppError('validation', `${filePath} already holds document ${clash.record.documentId}`);
        await writeFileAtomic(join(options.dir, filePath), pdf, { mode: 0o600 });
        const archivedAt = now().toISOString();
        const entry: Noark5Document = { record, filePath, sha256: sha256Hex(pdf), size: pdf.length, archivedAt, archivedBy };
        const documents = [...manifest.documents.filter((document) => document.record.documentId !== record.documentId), entry];
        await writeManifest(manifestPath, { documents });
        const xml = buildArkivstruktur({ ...options.info, exportedAt: archivedAt, exportedBy: archivedBy }, documents);
        await writeFileAtomic(join(options.dir, 'arkivstruktur.xml'), xml);
        return {
          reference: `${record.case.caseNumber} ${systemId(`journalpost:${record.documentId}`)}`,
          details: { file: filePath, sha256: entry.sha256 },
        };
      }),
  };
}
