import { useCallback } from 'react';
import type { CourseDeliveryCase, CourseDeliveryEvent } from '../../../../src-shared/domain/course-delivery';
import { useApi, useDatabase } from '../../../app/providers';
import { useActingUser } from '../../case/acting-user';
import { useStepRunner } from '../../case/use-step-runner';
import { useSession } from '../../session/session-context';
import { takeContractStep, type ContractRecordOf, type ContractReport, type MakeContractDocuments } from './contract-steps';

export type RunContractStep = (event: CourseDeliveryEvent, make?: MakeContractDocuments, recordOf?: ContractRecordOf) => Promise<boolean>;

/** Takes the contract steps of one course as the acting user, one at a time, with the outcome kept for display. */
export function useContractStep(caseDoc: CourseDeliveryCase) {
  const api = useApi();
  const db = useDatabase();
  const actor = useActingUser();
  const sendsLetters = useSession() !== null;
  const take = useCallback(
    (event: CourseDeliveryEvent, make?: MakeContractDocuments, recordOf?: ContractRecordOf) =>
      takeContractStep({ api, db, actor, sendsLetters }, caseDoc, event, make, recordOf),
    [api, db, actor, sendsLetters, caseDoc],
  );
  return useStepRunner<CourseDeliveryEvent, ContractReport, [MakeContractDocuments?, ContractRecordOf?]>(take);
}
