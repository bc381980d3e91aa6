import type { ArchiveTarget } from '../../../src-shared/documents/documents.contract';
import type { Handlers } from '../../../src-shared/ipc/channels';
import type { CertificatesStartInput, CertificatesStatus } from '../../../src-shared/ipc/course-delivery.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { ArchiveOutbox } from '../../services/archive/archive-outbox';
import { runCertificateBatch, type CertificateBatchDeps } from './certificate-batch';

export type CertificatesHandlers = Pick<Handlers, 'courseCertificatesStart' | 'courseCertificatesStatus'>;

export interface CertificatesHandlerDeps {
  /** The batch's services; `archive` is set per start from the archive named. */
  batch: Omit<CertificateBatchDeps, 'archive'>;
  /** The archive outbox and the archives this laptop has configured. */
  archive: { outbox: ArchiveOutbox; targets: readonly ArchiveTarget[] };
}

/**
 * `courseCertificatesStart` / `courseCertificatesStatus`: runs a course's certificate batch in the
 * background, one per course at a time, and tells how far it has come. A start while the course's
 * batch runs answers with the running one; a start after a failure resumes it (the batch's journal
 * knows who is done, and nobody is mailed twice).
 */
export function createCertificatesHandlers(deps: CertificatesHandlerDeps): CertificatesHandlers {
  const batches = new Map<string, CertificatesStatus>();
  const statusOf = (caseId: string): CertificatesStatus => ({ ...(batches.get(caseId) ?? { caseId, state: 'idle', done: 0, total: 0, resumed: 0 }) });

  function start({ caseId, batch, archiveTarget }: CertificatesStartInput): CertificatesStatus {
    if (batches.get(caseId)?.state === 'running') return statusOf(caseId);
    if (archiveTarget && !deps.archive.targets.includes(archiveTarget)) {
      throw new AppError('precondition', `The ${archiveTarget} archive is not configured on this laptop`);
    }
    const status: CertificatesStatus = { caseId, state: 'running', done: 0, total: batch.participants.length, resumed: 0 };
    batches.set(caseId, status);
    const archive = archiveTarget ? { outbox: deps.archive.outbox, target: archiveTarget } : undefined;
    runCertificateBatch({ ...deps.batch, ...(archive ? { archive } : {}) }, batch, {
      onProgress: (progress) => {
        status.done = progress.done;
        status.total = progress.total;
        if (progress.resumed) status.resumed += 1;
      },
    }).then(
      () => {
        status.state = 'finished';
      },
      (error: unknown) => {
        status.state = 'failed';
        status.error = AppError.from(error).message;
      },
    );
    return statusOf(caseId);
  }

  return {
    courseCertificatesStart: async (input) => start(input),
    courseCertificatesStatus: async ({ caseId }) => statusOf(caseId),
  };
}
