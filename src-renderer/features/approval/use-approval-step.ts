import { useCallback } from 'react';
import type { ApprovalCase, ApprovalEvent } from '../../../src-shared/domain/approval';
import { useApi, useDatabase } from '../../app/providers';
import { useActingUser } from '../case/acting-user';
import { useStepRunner } from '../case/use-step-runner';
import { useSession } from '../session/session-context';
import { takeApprovalStep, type ApprovalRecords, type ApprovalReport, type MakeApprovalDocuments } from './approval-steps';

export type RunApprovalStep = (event: ApprovalEvent, make?: MakeApprovalDocuments) => Promise<boolean>;

/** Takes approval steps on one case as the acting user, one at a time, with the outcome kept for display. */
export function useApprovalStep(caseDoc: ApprovalCase | undefined, records: ApprovalRecords | undefined) {
  const api = useApi();
  const db = useDatabase();
  const actor = useActingUser();
  const sendsLetters = useSession() !== null;
  const take = useCallback(
    (event: ApprovalEvent, make?: MakeApprovalDocuments) => takeApprovalStep({ api, db, actor, sendsLetters, records }, caseDoc!, event, make),
    [api, db, actor, sendsLetters, records, caseDoc],
  );
  return useStepRunner<ApprovalEvent, ApprovalReport, [MakeApprovalDocuments?]>(caseDoc ? take : undefined);
}
