import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { archiveRecordSchema } from '../../../../src-shared/documents/archive-record.schema';
import { isoTimestamp } from '../../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { writeFileAtomic } from '../../fs/atomic-write';
import { createSerialQueue } from '../../fs/serial-queue';
import type { ArchiveAdapter } from '../archive-adapter';
import { archivedFileName } from '../archived-file-name';
import { systemId, type Noark5Document, type Noark5PackageInfo } from '../noark5/arkivstruktur';
import { buildDepositPackage, DEPOSIT_SCHEMAS, type DepositSchema } from '../noark5/deposit-package';
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
 * A Noark 5 deposit package kept in `dir`: the PDFs under `dokumenter/`, `arkivstruktur.xml`,
 * the journals, the schemas and their ADDML description `arkivuttrekk.xml`, written anew
 * (atomically) after every document from the adapter's own manifest. Archiving the same document
 * again replaces its entry, so a retried delivery does not duplicate it.
 */
export function createNoark5ExportAdapter(options: {
  dir: string;
  info: Omit<Noark5PackageInfo, 'exportedAt' | 'exportedBy'>;
  archivedBy?: string;
  now?: () => Date;
  /** Arkivverket's schemas to copy into the package (a folder like vendor/schemas with noark5/ and addml/). */
  schemasDir?: string;
}): ArchiveAdapter {
  const now = options.now ?? (() => new Date());
  const archivedBy = options.archivedBy ?? 'Saksflyt';
  const serial = createSerialQueue();
  const manifestPath = join(options.dir, MANIFEST);
  const schemasDir = options.schemasDir;
  const schemas = async (): Promise<Map<DepositSchema, Uint8Array>> =>
    new Map(
      schemasDir
        ? await Promise.all(
            DEPOSIT_SCHEMAS.map(async (name) => [name, await readFile(join(schemasDir, name === 'addml.xsd' ? 'addml' : 'noark5', name))] as const),
          )
        : [],
    );

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
        const info = { ...options.info, exportedAt: archivedAt, exportedBy: archivedBy };
        for (const file of buildDepositPackage(info, documents, await schemas())) await writeFileAtomic(join(options.dir, file.name), file.content);
        return {
          reference: `${record.case.caseNumber} ${systemId(`journalpost:${record.documentId}`)}`,
          details: { file: filePath, sha256: entry.sha256 },
        };
      }),
  };
}
