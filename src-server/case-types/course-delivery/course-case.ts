import type { CourseDeliveryCase, CourseDeliveryEvent } from '../../../src-shared/domain/course-delivery';
import type { ServerSteps } from '../../cases/server-steps';
import type { Job } from '../../jobs/job';
import { PermanentJobError } from '../../jobs/job-outcome';

/** The course case a job is about, as stored now; a job for any other case cannot succeed. */
export async function courseCaseOf(job: Job, steps: ServerSteps): Promise<CourseDeliveryCase> {
  const caseDoc = job.caseId ? await steps.caseById(job.caseId) : undefined;
  if (caseDoc?.type !== 'courseDelivery') throw new PermanentJobError(`No course case ${job.caseId ?? '(none)'}`);
  return caseDoc as CourseDeliveryCase;
}

/** Takes a server-only step on the course; a refusal fails the job with the workflow's reason. */
export async function takeCourseStep(steps: ServerSteps, caseId: string, event: CourseDeliveryEvent): Promise<void> {
  const result = await steps.take(caseId, event);
  if (!result.ok) throw new PermanentJobError(`${event.type} was refused: ${result.message}`);
}

/** The case's Canvas course; until the course.create job has made it, the job is tried again later. */
export function canvasCourseIdOf(c: CourseDeliveryCase): string {
  const id = c.details.lms?.canvasCourseId;
  if (!id) throw new Error(`Course ${c.caseNumber} has no Canvas course yet (course.create has not run)`);
  return id;
}
