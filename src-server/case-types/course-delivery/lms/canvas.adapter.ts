import type { Database } from '../../../db/database';
import type { IntegrationAdapter } from '../../../jobs/integration-jobs';
import { PermanentJobError } from '../../../jobs/job-outcome';
import { courseCaseOf, takeCourseStep } from '../course-case';
import { canvasClient, type CanvasOptions } from './canvas-client';
import { createCourse } from './course-create';
import { postEvaluation } from './evaluation-post';
import { readGrades } from './grades-read';
import { enrolParticipants } from './users-enrol';

/**
 * The course's work in Canvas (system `canvas`), over Canvas's REST API with an API token:
 * `course.create`, `users.enrol`, `evaluation.post`, `grades.read` (answered on the case with
 * the server steps `lmsCourseCreated` and `recordLmsResults`) and `grades.publish` (nothing to
 * do: the teacher grades in Canvas). Every operation is safe to repeat.
 */
export function canvasAdapter(options: CanvasOptions, services: { db: Database }): IntegrationAdapter {
  const canvas = canvasClient(options);
  return async (operation, job, { now, steps }) => {
    const c = await courseCaseOf(job, steps);
    const at = now.toISOString();
    switch (operation) {
      case 'course.create': {
        // A course shell the consultant named, or one this job made before, is the course.
        if (c.details.lms?.canvasCourseId) return;
        const canvasCourseId = await createCourse(canvas, options.accountId, services.db, c);
        return takeCourseStep(steps, c.id, { type: 'lmsCourseCreated', at, canvasCourseId });
      }
      case 'users.enrol':
        return enrolParticipants(canvas, options.accountId, c);
      case 'evaluation.post':
        return postEvaluation(canvas, c, options.url);
      case 'grades.read':
        return takeCourseStep(steps, c.id, { type: 'recordLmsResults', at, entries: await readGrades(canvas, c) });
      case 'grades.publish':
        return;
      default:
        throw new PermanentJobError(`Canvas has no operation "${operation}" here`);
    }
  };
}
