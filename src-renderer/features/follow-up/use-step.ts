import { useCallback } from 'react';
import type { FollowUpEvent } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import { useApi, useDatabase } from '../../app/providers';
import { useToday } from '../../ui/use-today';
import { useStepRunner, type StepState as CaseStepState } from '../case/use-step-runner';
import { useSession } from '../session/session-context';
import { useActingUser } from '../case/acting-user';
import { takeStep, type CommandReport, type MakeDocuments } from './follow-up-steps';
import type { FollowUpContext } from './document-inputs';

export type StepState = CaseStepState<FollowUpEvent['type'], CommandReport>;

export type RunStep = (event: FollowUpEvent, make?: MakeDocuments) => Promise<boolean>;

/** Takes workflow steps on one case as the acting user; one at a time, with the outcome kept for display. */
export function useStep(ctx: Omit<FollowUpContext, 'today'> | undefined): { state: StepState; run: RunStep } {
  const api = useApi();
  const db = useDatabase();
  const actor = useActingUser();
  const today = useToday();
  const sendsLetters = useSession() !== null;
  const take = useCallback(
    async (event: FollowUpEvent, make?: MakeDocuments) => (await takeStep({ api, db, actor, today, sendsLetters }, ctx!, event, make)).reports,
    [api, db, actor, today, sendsLetters, ctx],
  );
  return useStepRunner<FollowUpEvent, CommandReport, [MakeDocuments?]>(ctx ? take : undefined);
}
