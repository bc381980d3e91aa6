import { useCallback } from 'react';
import type { ApprovalCase, ApprovalEvent } from '../../../src-shared/domain/approval';
import { useApi, useDatabase } from '../../app/providers';
import { useStepRunner } from '../case/use-step-runner';
import { useActingUser } from '../follow-up/acting-user';
import { useSession } from '../session/session-context';
import { takeApprovalStep, type ApprovalReport } from './approval-steps';

/** Takes approval steps on one case as the acting user, one at a time, with the outcome kept for display. */
export function useApprovalStep(caseDoc: ApprovalCase | undefined) {
  const api = useApi();
  const db = useDatabase();
  const actor = useActingUser();
  const sendsLetters = useSession() !== null;
  const take = useCallback(
    (event: ApprovalEvent) => takeApprovalStep({ api, db, actor, sendsLetters }, caseDoc!, event),
    [api, db, actor, sendsLetters, caseDoc],
  );
  return useStepRunner<ApprovalEvent, ApprovalReport>(caseDoc ? take : undefined);
}
