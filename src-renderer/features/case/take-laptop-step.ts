import type { Actor } from '../../../src-shared/domain/access/roles';
import type { TransitionResult, WorkflowCase, WorkflowEvent } from '../../../src-shared/domain/workflow/workflow';
import { bulkRunner, type BulkPortContext } from '../overview/bulk/bulk-ports';
import { transitionError } from './step-outcome';

export interface LaptopStepDeps {
  db: BulkPortContext['db'];
  api: BulkPortContext['api'];
  actor: Actor;
}

/** What a step did on the laptop: tasks and closed folders; notices and integration calls are the server's once synced. */
export type LaptopStepReport = Awaited<ReturnType<typeof bulkRunner.run>>['reports'][number];

/**
 * One step that makes no document or signature, as the laptop takes it: the shared workflow
 * decides as the acting user, the new state goes into the local replica (synced like any change,
 * offline too; the server checks it again) and the step's laptop commands run.
 */
export async function takeLaptopStep<C extends WorkflowCase<string, Record<string, unknown>>, E extends WorkflowEvent>(
  deps: LaptopStepDeps,
  workflow: { transition(state: C, event: E, actor: Actor): TransitionResult<C> },
  caseDoc: C,
  event: E,
): Promise<LaptopStepReport[]> {
  const step = workflow.transition(caseDoc, event, deps.actor);
  if (!step.ok) throw transitionError(step);
  await deps.db.cases.incrementalUpsert(step.state);
  const { reports } = await bulkRunner.run(step.commands, { ...deps, ended: step.state });
  return reports;
}
