import type { Actor } from '../../../../src-shared/domain/access/roles';
import { checkCaseChange } from '../../../../src-shared/domain/case/case-change';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { nextDeadlineOf } from '../../../../src-shared/domain/case/deadline';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { deadline, dueIn } from '../../../../src-shared/domain/workflow/step-helpers';
import type { NewCourseForm } from './new-course-form.schema';

/** Days the department head has to send the contract once the course is planned (as the demo courses have). */
export const CONTRACT_DAYS = 7;

/** The term of a course by its start: V (spring, January–June) or H (autumn) and the two-digit year, e.g. H26. */
export const courseTerm = (startDate: string): string => `${Number(startDate.slice(5, 7)) <= 6 ? 'V' : 'H'}${startDate.slice(2, 4)}`;

/** What a new case needs besides the form: its id and number, the teaching resource's name, who creates it and when. */
export interface NewCourseIdentity {
  id: string;
  caseNumber: string;
  teacherName: string;
  actor: Actor;
  at: string;
}

/**
 * The planned course case for the form: in the head's department, with the head and the teaching
 * resource as assignees and the contract to send as its deadline.
 */
export function newCourseCase(form: NewCourseForm, identity: NewCourseIdentity): CourseDeliveryCase {
  const { actor, at } = identity;
  const deadlines = [deadline('contract', dueIn(at, CONTRACT_DAYS), 'Sende kontrakt til undervisningsressurs')];
  return {
    id: identity.id,
    type: 'courseDelivery',
    caseNumber: identity.caseNumber,
    title: `Kursgjennomføring – ${form.course.name} (${courseTerm(form.course.startDate)})`,
    status: 'planned',
    institution: actor.scope.institution,
    department: form.department,
    cohort: '',
    subjectPersonId: '',
    assignees: [actor.userId, form.teacherId],
    deadlines,
    nextDeadline: nextDeadlineOf(deadlines),
    details: {
      course: form.course,
      teachingResource: { userId: form.teacherId, name: identity.teacherName },
      ...(form.registration ? { registration: form.registration } : {}),
    },
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
    updatedBy: actor.userId,
  };
}

/** Why the server would refuse the new case (its own create check), or null. */
export function newCourseProblem(caseDoc: CourseDeliveryCase, actor: Actor): string | null {
  const result = checkCaseChange({ before: null, after: caseDoc as Case, actor });
  return result.ok ? null : result.message;
}
