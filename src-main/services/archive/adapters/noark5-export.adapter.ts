import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { archiveRecordSchema } from '../../../../src-shared/documents/archive-record.schema';
import { isoTimestamp } from '../../../../src-shared/domain/case/case.schema';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { plainFiles, type FileAccess } from '../../fs/file-access';
import { createSerialQueue } from '../../fs/serial-queue';
import type { ArchiveAdapter } from '../archive-adapter';
import { archivedFileName } from '../archived-file-name';
import { systemId, type CaseClosing, type Noark5Document, type Noark5PackageInfo } from '../noark5/arkivstruktur';
import { buildDepositPackage, DEPOSIT_SCHEMAS, type DepositSchema } from '../noark5/deposit-package';
import { moveIfElsewhere } from '../noark5/move-file';
import { readManifest, sha256Hex, writeManifest } from '../package-files';

export const NOARK5_DOCUMENTS_DIR = 'dokumenter';
const MANIFEST = 'manifest.json';
/** Where earlier versions kept the manifest: in the package itself. */
const LEGACY_MANIFEST = '.saksflyt-noark5.json';

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
  /** Cases closed after their documents came: caseId → when and by whom. */
  closures: z.record(z.string(), z.object({ closedAt: isoTimestamp, closedBy: z.string().min(1) })).default({}),
});
type Manifest = z.infer<typeof manifestSchema>;

/**
 * A Noark 5 deposit package kept in `dir`, holding the closed cases: their PDFs under
 * `dokumenter/`, `arkivstruktur.xml`, the journals, the change log, the schemas and their ADDML
 * description `arkivuttrekk.xml`, written anew (atomically) after every change. arkivstruktur.xsd
 * requires every folder's avsluttetDato, so the documents of a case still open wait in
 * `stagingDir` (with the adapter's manifest) and move into the package when the case closes.
 * Archiving the same document again replaces its entry, so a retried delivery does not duplicate it.
 * `files` says how each folder's files are kept: sealed inside the app's data folder, plain outside.
 */
export function createNoark5ExportAdapter(options: {
  dir: string;
  /** Where the manifest and the documents of open cases are kept (outside the package). */
  stagingDir: string;
  info: Omit<Noark5PackageInfo, 'exportedAt' | 'exportedBy'>;
  archivedBy?: string;
  now?: () => Date;
  /** Arkivverket's schemas to copy into the package (a folder like vendor/schemas with noark5/ and addml/). */
  schemasDir?: string;
  files?: { package: FileAccess; staging: FileAccess };
}): ArchiveAdapter {
  const now = options.now ?? (() => new Date());
  const files = options.files ?? { package: plainFiles, staging: plainFiles };
  const archivedBy = options.archivedBy ?? 'Saksflyt';
  const serial = createSerialQueue();
  const manifestPath = join(options.stagingDir, MANIFEST);
  const schemasDir = options.schemasDir;
  const schemas = async (): Promise<Map<DepositSchema, Uint8Array>> =>
    new Map(
      schemasDir
        ? await Promise.all(
            DEPOSIT_SCHEMAS.map(async (name) => [name, await readFile(join(schemasDir, name === 'addml.xsd' ? 'addml' : 'noark5', name))] as const),
          )
        : [],
    );

  const emptyManifest: Manifest = { documents: [], closures: {} };
  const load = async () =>
    readManifest(
      files.staging,
      manifestPath,
      manifestSchema,
      await readManifest(files.package, join(options.dir, LEGACY_MANIFEST), manifestSchema, emptyManifest),
    );

  /** A case is closed when the archive was told so, or when its documents came after it closed. */
  function closingsOf(manifest: Manifest): Map<string, CaseClosing> {
    const closings = new Map<string, CaseClosing>();
    for (const { record } of manifest.documents) {
      if (record.case.closedAt) closings.set(record.case.id, { closedAt: record.case.closedAt, closedBy: record.case.responsible, logged: false });
    }
    for (const [caseId, closure] of Object.entries(manifest.closures)) {
      if (manifest.documents.some((document) => document.record.case.id === caseId)) closings.set(caseId, { ...closure, logged: true });
    }
    return closings;
  }

  /** Puts every document where it belongs (the package or staging), then writes the package's files. */
  async function save(manifest: Manifest): Promise<void> {
    await writeManifest(files.staging, manifestPath, manifest);
    await rm(join(options.dir, LEGACY_MANIFEST), { force: true });
    const closings = closingsOf(manifest);
    const packageAt = (path: string) => ({ files: files.package, path: join(options.dir, path) });
    const stagingAt = (path: string) => ({ files: files.staging, path: join(options.stagingDir, path) });
    for (const document of manifest.documents) {
      const inPackage = closings.has(document.record.case.id);
      const [to, from] = inPackage ? [packageAt, stagingAt] : [stagingAt, packageAt];
      await moveIfElsewhere(from(document.filePath), to(document.filePath));
    }
    const exportedAt = now().toISOString();
    const packaged = manifest.documents.filter((document) => closings.has(document.record.case.id));
    const info = { ...options.info, exportedAt, exportedBy: archivedBy };
    for (const file of buildDepositPackage(info, packaged, closings, await schemas())) await files.package.write(join(options.dir, file.name), file.content);
  }

  return {
    name: 'noark5',
    archive: ({ record, pdf }) =>
      serial(async () => {
        const manifest = await load();
        const filePath = `${NOARK5_DOCUMENTS_DIR}/${archivedFileName(record)}`;
        const clash = manifest.documents.find((document) => document.filePath === filePath && document.record.documentId !== record.documentId);
        if (clash) throw new AppError('validation', `${filePath} already holds document ${clash.record.documentId}`);
        // Written to staging; `save` moves it into the package if its case is closed.
        await files.staging.write(join(options.stagingDir, filePath), pdf);
        const entry: Noark5Document = { record, filePath, sha256: sha256Hex(pdf), size: pdf.length, archivedAt: now().toISOString(), archivedBy };
        const documents = [...manifest.documents.filter((document) => document.record.documentId !== record.documentId), entry];
        await save({ ...manifest, documents });
        return {
          reference: `${record.case.caseNumber} ${systemId(`journalpost:${record.documentId}`)}`,
          details: { file: filePath, sha256: entry.sha256 },
        };
      }),
    closeCase: ({ closure }) =>
      serial(async () => {
        const manifest = await load();
        const closures = { ...manifest.closures, [closure.caseId]: { closedAt: closure.closedAt, closedBy: closure.closedBy } };
        await save({ ...manifest, closures });
        const documents = manifest.documents.filter((document) => document.record.case.id === closure.caseId).length;
        return {
          reference: `${closure.caseNumber} ${systemId(`saksmappe:${closure.caseId}`)}`,
          details: { saksstatus: 'Avsluttet', documents: String(documents) },
        };
      }),
  };
}
