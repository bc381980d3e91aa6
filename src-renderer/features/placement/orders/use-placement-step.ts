import { useCallback } from 'react';
import type { PlacementCase, PlacementEvent } from '../../../../src-shared/domain/placement/placement.workflow';
import { useApi, useDatabase } from '../../../app/providers';
import { useActingUser } from '../../case/acting-user';
import { useStepRunner } from '../../case/use-step-runner';
import { takePlacementStep, type PlacementReport } from './placement-steps';

/** Takes placement steps as the acting user, one at a time, with the outcome kept for display (the generic step runner). */
export function usePlacementStep() {
  const api = useApi();
  const db = useDatabase();
  const actor = useActingUser();
  const take = useCallback((event: PlacementEvent, caseDoc: PlacementCase) => takePlacementStep({ api, db, actor }, caseDoc, event), [api, db, actor]);
  return useStepRunner<PlacementEvent, PlacementReport, [PlacementCase]>(take);
}
