import { canEditCase } from '../../access/access';
import type { Actor } from '../../access/roles';
import type { Case } from '../../case/case.schema';
import type { CourseDeliveryDetails } from '../course-delivery.schema';
import { dueDateOf, type CourseDates } from './checklist-deadlines';
import { nextStepsFor } from './checklist-rules';
import type { ChecklistStep } from './checklist-steps';

/** What the course lists need of a course case: its scope (for the access rules), its number and its details. */
export type ChecklistCourseCase = Pick<
  Case,
  'id' | 'type' | 'caseNumber' | 'status' | 'institution' | 'department' | 'cohort' | 'subjectPersonId' | 'assignees' | 'createdBy'
> & { details: Pick<CourseDeliveryDetails, 'course' | 'teachingResource' | 'checklist' | 'grading'> };

/** The dates the checklist's deadlines count from: the course's, and the assignment deadline once grading set it. */
export function courseDatesOf(details: ChecklistCourseCase['details']): CourseDates {
  const { startDate, endDate, sessions } = details.course;
  const assignmentDeadline = details.grading?.submissionDeadline;
  return { startDate, endDate, sessions, ...(assignmentDeadline ? { assignmentDeadline } : {}) };
}

/** One checklist step the actor may record next on one of their courses. */
export interface ChecklistTask {
  caseId: string;
  caseNumber: string;
  course: { code: string; name: string };
  step: ChecklistStep;
  due: string;
  /** Due before today (the step is open by definition). */
  overdue: boolean;
}

/**
 * "Mine oppgaver" for the checklist: on every course the actor may still edit (not closed or
 * cancelled, within the actor's scope), the steps the actor records next (nextStepsFor), by due
 * date, then case number, then the flowchart's order.
 */
export function myChecklistTasks(actor: Actor, courses: readonly ChecklistCourseCase[], today: string): ChecklistTask[] {
  const tasks: ChecklistTask[] = [];
  for (const c of courses) {
    if (c.type !== 'courseDelivery' || !canEditCase(actor, c)) continue;
    const dates = courseDatesOf(c.details);
    for (const step of nextStepsFor(actor, c.details.checklist ?? {}, c.details.teachingResource.userId)) {
      const due = dueDateOf(step, dates);
      tasks.push({
        caseId: c.id,
        caseNumber: c.caseNumber,
        course: { code: c.details.course.code, name: c.details.course.name },
        step,
        due,
        overdue: due < today,
      });
    }
  }
  // A stable sort keeps the flowchart's order among a course's steps due the same day.
  return tasks.sort((a, b) => a.due.localeCompare(b.due) || a.caseNumber.localeCompare(b.caseNumber));
}
