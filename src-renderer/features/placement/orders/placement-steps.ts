import type { Actor } from '../../../../src-shared/domain/access/roles';
import { placementWorkflow, type PlacementCase, type PlacementEvent } from '../../../../src-shared/domain/placement/placement.workflow';
import { bulkRunner, type BulkPortContext } from '../../overview/bulk/bulk-ports';
import { transitionError } from '../../case/step-outcome';

export interface PlacementStepDeps {
  db: BulkPortContext['db'];
  api: BulkPortContext['api'];
  actor: Actor;
}

/** What a placement step did on the laptop: tasks and closed folders; notices and the ALP call are the server's once synced. */
export type PlacementReport = Awaited<ReturnType<typeof bulkRunner.run>>['reports'][number];

/**
 * One placement step as the laptop takes it: the shared workflow decides as the acting user, the
 * new state goes into the local replica (synced like any change, offline too; the server checks it
 * again) and the step's laptop commands run. A placement step makes no document or signature.
 */
export async function takePlacementStep(deps: PlacementStepDeps, caseDoc: PlacementCase, event: PlacementEvent): Promise<PlacementReport[]> {
  const step = placementWorkflow.transition(caseDoc, event, deps.actor);
  if (!step.ok) throw transitionError(step);
  await deps.db.cases.incrementalUpsert(step.state);
  const { reports } = await bulkRunner.run(step.commands, { ...deps, ended: step.state });
  return reports;
}
