import { describe, expect, it } from 'vitest';
import { actorFor, SCOPE, TEACHER_ID } from '../../../../dev/testing/fixtures';
import { newCourseTexts } from './new-course-text';
import { courseTerm, newCourseCase, newCourseProblem } from './new-course-case';
import { newCourseFormSchema, type NewCourseForm } from './new-course-form.schema';

const head = actorFor('departmentHead');
const schema = newCourseFormSchema(newCourseTexts.nb.errors);
const AT = '2026-09-01T08:00:00.000Z';
const form: NewCourseForm = {
  department: SCOPE.department,
  course: {
    code: 'EVU-SAM-H26',
    name: 'Samtaler med pårørende',
    credits: 7.5,
    sessions: 5,
    startDate: '2026-10-05',
    endDate: '2026-11-27',
    priceNok: 9900,
  },
  teacherId: TEACHER_ID,
  registration: { capacity: 25, deadline: '2026-09-14', fields: ['phone', 'employer'] },
};
const identity = { id: 'course-new-1', caseNumber: '2026/12345', teacherName: 'Åsmund Kræmer Ødegård', actor: head, at: AT };
const issues = (input: unknown) => schema.safeParse(input).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

describe('planning a new course', () => {
  it('names the term by the start date: V to June, H from July', () => {
    expect(courseTerm('2027-01-11')).toBe('V27');
    expect(courseTerm('2026-06-30')).toBe('V26');
    expect(courseTerm('2026-07-01')).toBe('H26');
    expect(courseTerm('2026-10-05')).toBe('H26');
  });

  it('makes a planned case in the department, titled by name and term, for the head and the teaching resource, due to send the contract', () => {
    const c = newCourseCase(schema.parse(form), identity);
    expect(c).toMatchObject({
      type: 'courseDelivery',
      status: 'planned',
      title: 'Kursgjennomføring – Samtaler med pårørende (H26)',
      institution: SCOPE.institution,
      department: SCOPE.department,
      assignees: [head.userId, TEACHER_ID],
      deadlines: [{ kind: 'contract', due: '2026-09-08' }],
      nextDeadline: '2026-09-08',
      createdBy: head.userId,
      updatedBy: head.userId,
    });
    expect(c.details).toEqual({
      course: form.course,
      teachingResource: { userId: TEACHER_ID, name: 'Åsmund Kræmer Ødegård' },
      registration: form.registration,
    });
    expect(newCourseProblem(c, head)).toBeNull();
  });

  it('leaves the registration out when it is not set up, and the case still passes the create check', () => {
    const c = newCourseCase(schema.parse({ ...form, registration: undefined }), identity);
    expect(c.details).not.toHaveProperty('registration');
    expect(newCourseProblem(c, head)).toBeNull();
  });

  it('is refused by the shared create rule for someone who is not a department head, or outside their department', () => {
    const teacher = actorFor('teacher');
    expect(newCourseProblem(newCourseCase(form, { ...identity, actor: teacher }), teacher)).toMatch(/Only departmentHead/);
    expect(newCourseProblem(newCourseCase({ ...form, department: 'okonomi' }, identity), head)).toMatch(/may not create/);
  });

  it('refuses an end before the start and a registration deadline on or after the start, on their fields', () => {
    expect(issues({ ...form, course: { ...form.course, endDate: '2026-10-04' } })).toEqual([['course.endDate', newCourseTexts.nb.errors.endBeforeStart]]);
    expect(schema.safeParse({ ...form, course: { ...form.course, endDate: form.course.startDate } }).success).toBe(true);
    expect(issues({ ...form, registration: { ...form.registration!, deadline: '2026-10-05' } })).toEqual([
      ['registration.deadline', newCourseTexts.nb.errors.deadlineNotBeforeStart],
    ]);
  });

  it('keeps the shared schema’s limits: no teaching resource, too many credits, a price in øre', () => {
    expect(issues({ ...form, teacherId: '', course: { ...form.course, credits: 61, priceNok: 9900.5 } })?.map(([path]) => path)).toEqual([
      'course.credits',
      'course.priceNok',
      'teacherId',
    ]);
  });
});
