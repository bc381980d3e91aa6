import { join } from 'node:path';
import { z } from 'zod';
import { archiveRecordSchema } from '../../../../src-shared/documents/archive-record.schema';
import { isoTimestamp } from '../../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { plainFiles, type FileAccess } from '../../fs/file-access';
import { createSerialQueue } from '../../fs/serial-queue';
import type { ArchiveAdapter } from '../archive-adapter';
import { archivedFileName } from '../archived-file-name';
import { readManifest, sha256Hex, writeManifest } from '../package-files';

export const FOLDER_MANIFEST = 'manifest.json';

const manifestSchema = z.object({
  documents: z.array(z.object({ file: z.string(), sha256: z.string(), size: z.number().int(), archivedAt: isoTimestamp, record: archiveRecordSchema })),
});
export type FolderManifest = z.infer<typeof manifestSchema>;

/**
 * The simplest archive: each PDF into `<dir>/<case number>/<file name with document id>` — a folder
 * per case, for a student's document and the case's own alike — and a JSON manifest
 * (`manifest.json`) listing every document with its checksum and archive record — for an
 * institution that files by hand or imports the folder into its own archive. Written as they are
 * (`files`), unless the folder lies inside the app's data folder.
 */
export function createFolderArchiveAdapter(options: { dir: string; now?: () => Date; files?: FileAccess }): ArchiveAdapter {
  const now = options.now ?? (() => new Date());
  const files = options.files ?? plainFiles;
  const serial = createSerialQueue();
  const manifestPath = join(options.dir, FOLDER_MANIFEST);
  return {
    name: 'folder',
    archive: ({ record, pdf }) =>
      serial(async () => {
        const file = `${record.case.caseNumber.replace(/[^A-Za-z0-9._-]/g, '-')}/${archivedFileName(record)}`;
        const manifest = await readManifest(files, manifestPath, manifestSchema, { documents: [] });
        const clash = manifest.documents.find((document) => document.file === file && document.record.documentId !== record.documentId);
        if (clash) throw new AppError('validation', `${file} already holds document ${clash.record.documentId}`);
        await files.write(join(options.dir, file), pdf);
        const entry = { file, sha256: sha256Hex(pdf), size: pdf.length, archivedAt: now().toISOString(), record };
        await writeManifest(files, manifestPath, {
          documents: [...manifest.documents.filter((document) => document.record.documentId !== record.documentId), entry],
        });
        return { reference: file, details: { sha256: entry.sha256 } };
      }),
  };
}
