import { useCallback, useState } from 'react';
import { AppError } from '../../../src-shared/kernel/app-error';

export interface StepState<EventType extends string, Report> {
  busy: boolean;
  /** What the last step did (documents, archiving, tasks, notifications). */
  last?: { event: EventType; reports: Report[] };
  error?: string;
}

/**
 * Takes workflow steps of any case type on one case, one at a time, keeping the outcome for
 * display: `take` does the step and returns its reports (undefined while the case is loading).
 */
export function useStepRunner<Event extends { type: string }, Report, Extra extends unknown[] = []>(
  take: ((event: Event, ...extra: Extra) => Promise<Report[]>) | undefined,
): { state: StepState<Event['type'], Report>; run: (event: Event, ...extra: Extra) => Promise<boolean> } {
  const [state, setState] = useState<StepState<Event['type'], Report>>({ busy: false });
  const run = useCallback(
    async (event: Event, ...extra: Extra) => {
      if (!take) return false;
      setState({ busy: true });
      try {
        const reports = await take(event, ...extra);
        setState({ busy: false, last: { event: event.type, reports } });
        return true;
      } catch (error) {
        setState({ busy: false, error: AppError.from(error).message });
        return false;
      }
    },
    [take],
  );
  return { state, run };
}
