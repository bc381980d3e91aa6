import type { Actor } from '../../../src-shared/domain/access/roles';
import { courseDeliveryWorkflow, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../../src-shared/domain/course-delivery';
import { bulkRunner, type BulkPortContext } from '../overview/bulk/bulk-ports';
import { transitionError } from '../case/step-outcome';

export interface CourseStepDeps {
  db: BulkPortContext['db'];
  api: BulkPortContext['api'];
  actor: Actor;
}

/** What a course step did on the laptop: tasks and closed folders; notices and integration calls are the server's once synced. */
export type CourseStepReport = Awaited<ReturnType<typeof bulkRunner.run>>['reports'][number];

/**
 * One course step that makes no document (a click's, or a form's with its input), as the laptop
 * takes it: the shared workflow decides as the acting user, the new state goes into the local
 * replica (synced like any change, offline too; the server checks it again) and the step's laptop
 * commands run.
 */
export async function takeCourseStep(deps: CourseStepDeps, caseDoc: CourseDeliveryCase, event: CourseDeliveryEvent): Promise<CourseStepReport[]> {
  const step = courseDeliveryWorkflow.transition(caseDoc, event, deps.actor);
  if (!step.ok) throw transitionError(step);
  await deps.db.cases.incrementalUpsert(step.state);
  const { reports } = await bulkRunner.run(step.commands, { ...deps, ended: step.state });
  return reports;
}
