import { join } from 'node:path';
import type { FileAccess } from '../fs/file-access';
import type { ServerConnection } from '../session/server-call';
import type { createDocumentsHandlers } from '../pdf/documents.handlers';
import type { DocumentStore } from '../pdf/document-store';
import { createCaseFileSharing, type CaseFileSharing } from './case-file-sharing';
import { createCaseFilesClient } from './case-files.client';
import { openPendingUploads } from './pending-uploads';

/** Kept files the server has not taken yet, in the data folder. */
export const PENDING_CASE_FILES = 'case-files-pending.json';

type SharedHandlers = Pick<ReturnType<typeof createDocumentsHandlers>, 'documentsSignContract' | 'documentsCountersignContract' | 'documentsRead'>;

/**
 * The documents channels whose PDFs travel through the central server when the renderer names the
 * case: the signed contract is uploaded, and countersigning or reading a document this laptop
 * lacks fetches it first. Files the server could not take are uploaded after the next successful
 * call, or at the next start (started here).
 */
export function composeCaseFiles(options: {
  dataDir: string;
  /** How the pending list is kept in the data folder (sealed). */
  files: FileAccess;
  store: DocumentStore;
  connection: ServerConnection;
  warn(message: string, context: Record<string, unknown>): void;
}): { share(handlers: SharedHandlers): SharedHandlers } {
  const sharing = createCaseFileSharing({
    store: options.store,
    client: createCaseFilesClient({ connection: options.connection }),
    pending: openPendingUploads(join(options.dataDir, PENDING_CASE_FILES), options.files),
    warn: options.warn,
  });
  sharing.flush().catch((error: unknown) => options.warn('Pending case files could not be uploaded', { reason: String(error) }));
  return { share: (handlers) => shareCaseFiles(handlers, sharing) };
}

export function shareCaseFiles(handlers: SharedHandlers, sharing: CaseFileSharing): SharedHandlers {
  return {
    async documentsSignContract(input) {
      const issued = await handlers.documentsSignContract(input);
      if (input.caseId) await sharing.share(input.caseId, input.documentId);
      return issued;
    },
    async documentsCountersignContract(input) {
      if (input.caseId) await sharing.ensureLocal(input.caseId, input.documentId);
      const issued = await handlers.documentsCountersignContract(input);
      if (input.caseId) await sharing.share(input.caseId, input.documentId);
      return issued;
    },
    async documentsRead(input) {
      if (input.caseId) await sharing.ensureLocal(input.caseId, input.documentId);
      return handlers.documentsRead(input);
    },
  };
}
