import { useCallback, useEffect, useState } from 'react';
import type { CertificatesStartInput, CertificatesStatus } from '../../../../src-shared/ipc/course-delivery.contract';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { unwrap } from '../../../../src-shared/kernel/result';
import { useApi } from '../../../app/providers';

/** How often the progress is read while the batch runs. */
const POLL_MS = 300;

/**
 * A course's certificate batch in the main process: its status (read once, then every 300 ms while
 * it runs) and `start`, which starts it (archiving to the laptop's archive) or resumes an interrupted one. `problem` is why the main
 * process refused to start it or could not be asked.
 */
export function useCertificateBatch(caseId: string) {
  const api = useApi();
  const [status, setStatus] = useState<CertificatesStatus | undefined>();
  const [problem, setProblem] = useState<string | null>(null);

  const running = status?.state === 'running';
  // Read once, then again every POLL_MS while the batch runs.
  useEffect(() => {
    let live = true;
    const read = () =>
      api.courseCertificatesStatus({ caseId }).then(
        (result) => live && (result.ok ? setStatus(result.value) : setProblem(result.error.message)),
        (error: unknown) => live && setProblem(AppError.from(error).message),
      );
    void read();
    const timer = running ? setInterval(() => void read(), POLL_MS) : undefined;
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, caseId, running]);

  const start = useCallback(
    async (input: CertificatesStartInput) => {
      setProblem(null);
      try {
        // Filed in the first archive this laptop delivers to, in the order P360, Noark 5, folder.
        const [archiveTarget] = unwrap(await api.archiveTargets());
        setStatus(unwrap(await api.courseCertificatesStart({ ...input, ...(archiveTarget ? { archiveTarget } : {}) })));
      } catch (error) {
        setProblem(AppError.from(error).message);
      }
    },
    [api],
  );
  return { status, problem, start };
}
