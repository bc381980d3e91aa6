import { join } from 'node:path';
import { archiveTargets, type ArchiveTarget } from '../../../src-shared/documents/documents.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import { openArchiveOutbox, type ArchiveOutbox } from '../archive/archive-outbox';
import { createCanvasClient, type CanvasClient } from '../canvas/canvas.client';
import { PENDING_CASE_FILES } from '../case-files/compose-case-files';
import { createFileKeyProvider } from '../fs/file-key';
import { createSealedFiles, sealPlainFiles, type SealedFiles } from '../fs/sealed-file';
import type { Logger, LogSource } from '../logger/logger.service';
import { createDocumentsHandlers } from '../pdf/documents.handlers';
import { createDocumentsService, type DocumentSigners, type DocumentsService } from '../pdf/documents.service';
import { createDocumentStore, type DocumentStore } from '../pdf/document-store';
import { createPdfRenderer } from '../pdf/pdf-renderer';
import type { SecureStore } from '../secure-store/secure-store';
import { createDocumentSigning, type DocumentSigning } from '../signing/document-signing.service';
import { createServerLetterAdapter } from '../archive/adapters/server-letters.adapter';
import type { ServerConnection } from '../session/server-call';
import { archiveDirs, createArchiveAdapters, DEFAULT_ARCHIVE_DIR, DEFAULT_NOARK5_DIR } from './archive-adapters';
import { DEMO_CERTIFICATES_DIR, createDemoSigners } from './demo-signers';
import { createDocumentSigners } from './document-signers';
import { loadDocumentsConfig, type DocumentsConfig } from './documents-config';

export type DocumentsHandlers = ReturnType<typeof createDocumentsHandlers> & {
  archiveTargets(): Promise<ArchiveTarget[]>;
};

export const DOCUMENTS_DIR = 'documents';
export const ARCHIVE_OUTBOX_DIR = 'archive-outbox';

export interface ComposedDocuments {
  /** The documents, archive and Canvas channels' handlers (spread into createHandlers). */
  handlers: DocumentsHandlers;
  /** Stops the archive outbox after the delivery under way, if any. */
  stop(): Promise<void>;
  /** The pipeline's parts other issuers build on (the course certificates batch); none when it is unavailable. */
  pipeline?: DocumentsPipeline;
}

export interface DocumentsPipeline {
  signing: DocumentSigning;
  store: DocumentStore;
  seal: DocumentSigners['seal'];
  /** The documents folder (issuers keep their journals there). */
  documentsDir: string;
  /** How case data is kept in the data folder: sealed with the laptop's file key. */
  files: SealedFiles;
  outbox: ArchiveOutbox;
  archiveTargets: readonly ArchiveTarget[];
}

/**
 * The documents pipeline of one data folder: PDF renderer, signing (configured or demo keys),
 * the write-once document store in `<dataDir>/documents`, and the archive outbox in
 * `<dataDir>/archive-outbox`, started here and delivering to the configured archives and letters
 * to the central server's e-mail outbox. Every file of case data in the data folder is sealed
 * (`sealed-file.ts`); plain files an older version left are sealed here, before anything reads them.
 * A broken configuration or outbox does not stop the app: every documents call then answers
 * with the reason, and the rest of the app works.
 */
export async function composeDocuments(options: {
  dataDir: string;
  /** The app's resources/ folder (fonts, colour profile). */
  resourcesDir: string;
  /** Arkivverket's schemas copied into the Noark 5 package. */
  schemasDir: string;
  secureStore: SecureStore;
  logger: Logger;
  logSource: LogSource;
  /** The signed-in session's server: letters are handed to its e-mail outbox. */
  letters: ServerConnection;
  now?: () => Date;
}): Promise<ComposedDocuments> {
  const log = (level: 'info' | 'warn' | 'error', message: string, context: Record<string, unknown>) =>
    options.logger.write({ level, message, context, source: options.logSource }).catch(() => undefined);
  const files = createSealedFiles({ root: options.dataDir, key: createFileKeyProvider(options.secureStore) });
  let config: DocumentsConfig;
  let outbox: ArchiveOutbox;
  try {
    config = await loadDocumentsConfig(options.dataDir);
    const caseData = [DOCUMENTS_DIR, ARCHIVE_OUTBOX_DIR, DEFAULT_ARCHIVE_DIR, DEFAULT_NOARK5_DIR, PENDING_CASE_FILES].map((path) =>
      join(options.dataDir, path),
    );
    const sealed = await sealPlainFiles(files, [...caseData, ...Object.values(archiveDirs(config, options.dataDir))].filter(files.covers));
    if (sealed > 0) await log('info', 'Sealed the plain files an older version left in the data folder', { files: sealed });
    outbox = await openArchiveOutbox({
      dir: join(options.dataDir, ARCHIVE_OUTBOX_DIR),
      adapters: [
        ...createArchiveAdapters(config, {
          dataDir: options.dataDir,
          schemasDir: options.schemasDir,
          secureStore: options.secureStore,
          files,
          now: options.now,
        }),
        createServerLetterAdapter({ connection: options.letters }),
      ],
      now: options.now,
      files,
    });
  } catch (error) {
    const reason = AppError.from(error);
    await log('error', 'The documents pipeline is unavailable', { reason: reason.message });
    const unavailable = () => Promise.reject(new AppError('precondition', `Documents are unavailable: ${reason.message}`));
    const handlers = createDocumentsHandlers(allMethods<DocumentsService>(unavailable), allMethods<CanvasClient>(unavailable));
    return { handlers: { ...handlers, archiveTargets: unavailable }, stop: async () => {} };
  }

  outbox.subscribe((entry) => {
    const context = { id: entry.id, target: entry.target, error: entry.lastError };
    if (entry.status === 'failed') void log('error', 'Archiving failed; it waits for a retry from the app', context);
    else if (entry.status === 'queued' && entry.lastError) void log('warn', 'Archiving will be tried again', context);
  });
  outbox.start();

  const renderer = createPdfRenderer({ resourcesDir: options.resourcesDir, now: options.now });
  const demo = createDemoSigners({
    dir: join(options.dataDir, DEMO_CERTIFICATES_DIR),
    secureStore: options.secureStore,
    institution: config.institution.name,
    warn: (message, context) => log('warn', message, context),
    now: options.now,
  });
  const documentsDir = join(options.dataDir, DOCUMENTS_DIR);
  const signing = createDocumentSigning({ renderer, location: config.signingLocation, now: options.now });
  const store = createDocumentStore(documentsDir, files);
  const signers = createDocumentSigners(config.signers, { secureStore: options.secureStore, demo });
  const service = createDocumentsService({ renderer, signing, store, signers, archive: outbox });
  // Letters (`email`) go through the same outbox, but are not an archive the app offers.
  const configured = new Set<string>(['folder', 'noark5', ...(config.archive.p360 ? ['p360'] : []), 'email']);
  const configuredTargets = archiveTargets.filter((target) => configured.has(target));
  const documents: DocumentsService = {
    ...service,
    // An archive this laptop has no adapter for is a state of the installation, not bad input.
    archiveEnqueue: async (input) => {
      if (!configured.has(input.target)) {
        throw new AppError('precondition', `The ${input.target} archive is not configured on this laptop`);
      }
      return service.archiveEnqueue(input);
    },
  };
  const canvasConfig = config.canvas;
  const canvas: CanvasClient = canvasConfig
    ? createCanvasClient({ baseUrl: canvasConfig.baseUrl, token: () => options.secureStore.get(canvasConfig.tokenSecret) })
    : { courseworkStatus: () => Promise.reject(new AppError('precondition', 'Canvas is not configured on this laptop')) };

  return {
    handlers: { ...createDocumentsHandlers(documents, canvas), archiveTargets: async () => configuredTargets },
    stop: () => outbox.stop(),
    pipeline: { signing, store, seal: signers.seal, documentsDir, files, outbox, archiveTargets: configuredTargets },
  };
}

/** An object whose every method is `method` (for a service that cannot be built). */
function allMethods<T extends object>(method: () => Promise<never>): T {
  return new Proxy({}, { get: () => method }) as T;
}
