import { useCallback, useState } from 'react';
import type { FollowUpEvent } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { AppError } from '../../../src-shared/kernel/app-error';
import { useApi, useDatabase } from '../../app/providers';
import { useToday } from '../../ui/use-today';
import { useSession } from '../session/session-context';
import { useActingUser } from './acting-user';
import { takeStep, type CommandReport, type MakeDocuments } from './follow-up-steps';
import type { FollowUpContext } from './document-inputs';

export interface StepState {
  busy: boolean;
  /** What the last step did (documents, archiving, tasks, notifications). */
  last?: { event: FollowUpEvent['type']; reports: CommandReport[] };
  error?: string;
}

export type RunStep = (event: FollowUpEvent, make?: MakeDocuments) => Promise<boolean>;

/** Takes workflow steps on one case as the acting user; one at a time, with the outcome kept for display. */
export function useStep(ctx: Omit<FollowUpContext, 'today'> | undefined): { state: StepState; run: RunStep } {
  const api = useApi();
  const db = useDatabase();
  const actor = useActingUser();
  const today = useToday();
  const sendsLetters = useSession() !== null;
  const [state, setState] = useState<StepState>({ busy: false });
  const run = useCallback<RunStep>(
    async (event, make) => {
      if (!ctx) return false;
      setState({ busy: true });
      try {
        const { reports } = await takeStep({ api, db, actor, today, sendsLetters }, ctx, event, make);
        setState({ busy: false, last: { event: event.type, reports } });
        return true;
      } catch (error) {
        setState({ busy: false, error: AppError.from(error).message });
        return false;
      }
    },
    [api, db, actor, today, sendsLetters, ctx],
  );
  return { state, run };
}
