import { describe, expect, it } from 'vitest';
import { actorFor, courseDeliveryStart, TEACHER_ID } from '../../../../dev/testing/fixtures';
import type { Actor } from '../../access/roles';
import { courseDatesOf, myChecklistTasks, type ChecklistCourseCase } from '.';

const head = actorFor('departmentHead');
const consultant = actorFor('operationsConsultant');
const teacher = actorFor('teacher');
const at = '2026-06-01T09:00:00.000Z';
const done = (by: Actor) => ({ state: 'done' as const, changedAt: at, changedBy: by.userId });

/** A course starting `startDate` (sessions and length as the fixture's), with `checklist`. */
function course(id: string, startDate: string, overrides: Partial<ChecklistCourseCase> = {}): ChecklistCourseCase {
  const start = courseDeliveryStart();
  return { ...start, id, caseNumber: `2026/${id}`, details: { ...start.details, course: { ...start.details.course, startDate } }, ...overrides };
}

describe('the checklist in "Mine oppgaver"', () => {
  it('lists the steps each side records next on its courses, by due date, with what is overdue', () => {
    const early = course('1', '2026-08-03');
    const late = course('2', '2026-10-05', { details: { ...course('2', '2026-10-05').details, checklist: { informOperations: done(head) } } });
    // Due 70 days before the start: 2026-05-25 for the early course (overdue on 2026-06-01).
    expect(myChecklistTasks(head, [late, early], '2026-06-01').map((t) => [t.caseId, t.step.id, t.due, t.overdue])).toEqual([
      ['1', 'informOperations', '2026-05-25', true],
      ['2', 'contractSent', '2026-08-06', false],
      ['2', 'certificateTextWritten', '2027-01-01', false],
    ]);
    expect(myChecklistTasks(consultant, [late, early], '2026-06-01').map((t) => `${t.caseId}:${t.step.id}`)).toEqual([
      '2:sessionPlanReceived',
      '2:landingTextReceived',
    ]);
  });

  it("gives the teaching resource only their own course's steps", () => {
    const signedOff = { informOperations: done(head), contractSent: done(head) };
    const mine = course('1', '2026-10-05', { details: { ...course('1', '2026-10-05').details, checklist: signedOff } });
    const other = course('2', '2026-10-05', {
      assignees: ['departmentHead-1', 'teacher-2'],
      details: { ...course('2', '2026-10-05').details, teachingResource: { userId: 'teacher-2', name: 'Annen Lærer' }, checklist: signedOff },
    });
    expect(myChecklistTasks(teacher, [mine, other], '2026-06-01').map((t) => `${t.caseId}:${t.step.id}`)).toEqual(['1:contractSigned']);
    expect(mine.details.teachingResource.userId).toBe(TEACHER_ID);
  });

  it('leaves out closed and cancelled courses and those outside the actor’s scope', () => {
    const closed = course('1', '2026-08-03', { status: 'closed' });
    const elsewhere = course('2', '2026-08-03', { department: 'another-department' });
    expect(myChecklistTasks(head, [closed, elsewhere], '2026-06-01')).toEqual([]);
    expect(myChecklistTasks(head, [course('3', '2026-08-03')], '2026-06-01')).toHaveLength(1);
  });

  it('counts the deadlines after the course from the assignment deadline once grading set it', () => {
    const { details } = course('1', '2026-10-05');
    expect(courseDatesOf(details)).toEqual({ startDate: '2026-10-05', endDate: '2026-11-27', sessions: 6 });
    const graded = { ...details, grading: { submissionDeadline: '2026-12-04', gradedAt: at, passed: 1, failed: 0 } };
    expect(courseDatesOf(graded).assignmentDeadline).toBe('2026-12-04');
  });
});
