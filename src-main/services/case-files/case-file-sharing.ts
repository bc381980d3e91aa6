import { AppError } from '../../../src-shared/kernel/app-error';
import type { DocumentStore } from '../pdf/document-store';
import type { CaseFilesClient } from './case-files.client';
import type { PendingUploads } from './pending-uploads';

/** A case's kept PDFs between this laptop's document store and the central server. */
export interface CaseFileSharing {
  /** Uploads the kept file; when the server cannot take it now, it is remembered for later. Never throws. */
  share(caseId: string, documentId: string): Promise<void>;
  /** Makes sure the store keeps the document, fetching it from the server when this laptop lacks it. */
  ensureLocal(caseId: string, documentId: string): Promise<void>;
  /** Uploads the remembered files, oldest first; stops while the server cannot be reached. */
  flush(): Promise<void>;
}

/** Worth another try later: nobody signed in, server unreachable or failing, or the case not synced yet. */
const retryable = (error: AppError) =>
  error.kind === 'precondition' || error.kind === 'external' || (error.details as { code?: unknown } | undefined)?.code === 'parent-missing';

export function createCaseFileSharing(deps: {
  store: DocumentStore;
  client: CaseFilesClient;
  pending: PendingUploads;
  warn(message: string, context: Record<string, unknown>): void;
}): CaseFileSharing {
  let flushing: Promise<void> | undefined;

  /** Uploads one kept file: `later` when worth another try, `refused` when gone or refused for good. */
  async function upload(caseId: string, documentId: string): Promise<'uploaded' | 'refused' | 'later'> {
    let pdf: Buffer;
    try {
      pdf = await deps.store.get(documentId);
    } catch (error) {
      deps.warn('A kept file to upload is gone', { documentId, reason: AppError.from(error).message });
      return 'refused';
    }
    try {
      await deps.client.put(caseId, documentId, pdf);
      return 'uploaded';
    } catch (error) {
      const reason = AppError.from(error);
      if (retryable(reason)) return 'later';
      deps.warn('The central server refused a kept file', { caseId, documentId, reason: reason.message });
      return 'refused';
    }
  }

  async function flushNow(): Promise<void> {
    for (const { caseId, documentId } of await deps.pending.list()) {
      if ((await upload(caseId, documentId)) === 'later') return;
      await deps.pending.remove(documentId);
    }
  }
  const flush = () => (flushing ??= flushNow().finally(() => (flushing = undefined)));

  return {
    async share(caseId, documentId) {
      try {
        const outcome = await upload(caseId, documentId);
        if (outcome === 'later') return await deps.pending.add({ caseId, documentId });
        await deps.pending.remove(documentId);
        // The server took this one: it takes the pending ones too.
        if (outcome === 'uploaded') await flush();
      } catch (error) {
        deps.warn('A kept file could not be queued for upload', { documentId, reason: AppError.from(error).message });
      }
    },
    async ensureLocal(caseId, documentId) {
      let missing: unknown;
      try {
        await deps.store.get(documentId);
        return;
      } catch (error) {
        if (AppError.from(error).kind !== 'not-found') throw error;
        missing = error;
      }
      let pdf: Buffer | undefined;
      try {
        pdf = await deps.client.get(caseId, documentId);
      } catch (error) {
        // Not signed in (local demo mode): as before, the document is simply not on this laptop.
        if (AppError.from(error).kind === 'precondition') throw missing;
        throw error;
      }
      if (!pdf) throw missing;
      await deps.store.put(documentId, pdf);
      void flush().catch(() => undefined);
    },
    flush,
  };
}
