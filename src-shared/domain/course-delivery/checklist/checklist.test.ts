import { describe, expect, it } from 'vitest';
import { actorFor } from '../../../../dev/testing/fixtures';
import type { Actor } from '../../access/roles';
import { checklistChangeProblem, checklistStep, checklistSteps, checklistTimeline, dueDateOf, nextStepsFor, nextToLastSession, type Checklist } from '.';

const course = { startDate: '2027-03-01', endDate: '2027-05-31', sessions: 4 };
const head = actorFor('departmentHead');
const consultant = actorFor('operationsConsultant');
const teachingResource: Actor = { ...actorFor('teacher'), userId: 'teacher-1' };
const otherTeacher: Actor = { ...actorFor('teacher'), userId: 'teacher-2' };
const at = '2027-01-05T09:00:00.000Z';
const done = (by: Actor, extra: object = {}) => ({ state: 'done' as const, changedAt: at, changedBy: by.userId, ...extra });
const step = (id: string) => checklistStep(id)!;

describe('the course checklist (seed 000)', () => {
  it('lists each step once, in an order where every step comes after what it depends on', () => {
    const seen = new Set<string>();
    for (const s of checklistSteps) {
      expect(seen.has(s.id), s.id).toBe(false);
      for (const dependency of s.dependsOn) expect(seen.has(dependency), `${s.id} after ${dependency}`).toBe(true);
      seen.add(s.id);
    }
    expect(checklistSteps.map((s) => s.phase)).toEqual(
      [...checklistSteps.map((s) => s.phase)].sort((a, b) => ['before', 'during', 'after'].indexOf(a) - ['before', 'during', 'after'].indexOf(b)),
    );
  });

  it('computes deadlines from the course dates: grading three weeks after the assignment deadline', () => {
    expect(dueDateOf(step('contractSent'), course)).toBe('2026-12-31');
    expect(dueDateOf(step('assignmentSubmitted'), course)).toBe('2027-06-14');
    expect(dueDateOf(step('graded'), course)).toBe('2027-07-05');
    expect(dueDateOf(step('graded'), { ...course, assignmentDeadline: '2027-06-07' })).toBe('2027-06-28');
  });

  it('puts the evaluation at the next-to-last session: from its dates, or spread evenly', () => {
    // Four sessions over 91 days: days 0, 30, 61, 91; the next-to-last on day 61.
    expect(nextToLastSession(course)).toBe('2027-05-01');
    expect(nextToLastSession({ ...course, sessionDates: ['2027-05-31', '2027-03-01', '2027-05-20', '2027-04-01'] })).toBe('2027-05-20');
    expect(dueDateOf(step('evaluationSent'), { ...course, sessionDates: ['2027-03-01', '2027-05-20', '2027-05-31'] })).toBe('2027-05-20');
  });

  it('lets each side record only its own steps; the teaching resource only on their own course', () => {
    const signed: Checklist = { informOperations: done(head), contractSent: done(head) };
    expect(checklistChangeProblem(signed, { ...signed, contractSigned: done(teachingResource) }, teachingResource, 'teacher-1')).toBeNull();
    expect(checklistChangeProblem(signed, { ...signed, contractSigned: done(otherTeacher) }, otherTeacher, 'teacher-1')).toMatch(/Only the teachingResource/);
    expect(checklistChangeProblem(signed, { ...signed, contractSigned: done(head) }, head, 'teacher-1')).toMatch(/Only the teachingResource/);
    expect(checklistChangeProblem({}, { informOperations: done(consultant) }, consultant, 'teacher-1')).toMatch(/Only the departmentHead/);
    // Marketing and the participants have no accounts: the head records marketing, the consultant the participants' steps.
    expect(checklistChangeProblem({}, { marketing: { state: 'inProgress', changedAt: at, changedBy: head.userId } }, head, 'teacher-1')).toBeNull();
  });

  it('marks a step done only when what it waits for is settled, with the reference of a step done outside the app', () => {
    expect(checklistChangeProblem({}, { contractSent: done(head) }, head, 'teacher-1')).toBe(
      '"Send the contract to the teaching resource" waits for "Inform operations and marketing about the course"',
    );
    // Several steps settled in one change count together.
    expect(
      checklistChangeProblem(
        {},
        { informOperations: { state: 'notApplicable', reason: 'Kurset er internt.', changedAt: at, changedBy: head.userId }, contractSent: done(head) },
        head,
        'teacher-1',
      ),
    ).toBeNull();
    const signed: Checklist = { informOperations: done(head), contractSent: done(head), contractSigned: done(teachingResource) };
    expect(checklistChangeProblem(signed, { ...signed, contractArchived: done(head) }, head, 'teacher-1')).toMatch(/done in p360: record its reference/);
    expect(checklistChangeProblem(signed, { ...signed, contractArchived: done(head, { reference: '27/00123-1' }) }, head, 'teacher-1')).toBeNull();
  });

  it('needs a reason for a step that does not apply, refuses unknown or removed steps and entries in another’s name', () => {
    expect(checklistChangeProblem({}, { marketing: { state: 'notApplicable', changedAt: at, changedBy: head.userId } }, head, 'teacher-1')).toMatch(/Say why/);
    expect(checklistChangeProblem({}, { somethingElse: done(head) }, head, 'teacher-1')).toBe('Unknown checklist step "somethingElse"');
    expect(checklistChangeProblem({ informOperations: done(head) }, {}, head, 'teacher-1')).toMatch(/cannot be removed/);
    expect(checklistChangeProblem({}, { informOperations: done(consultant) }, head, 'teacher-1')).toBe('A checklist step is recorded in your own name');
  });

  it('gives each side its next steps: open, with nothing open before them', () => {
    expect(nextStepsFor(head, {}, 'teacher-1').map((s) => s.id)).toEqual(['informOperations']);
    expect(nextStepsFor(teachingResource, {}, 'teacher-1')).toEqual([]);
    const informed: Checklist = { informOperations: done(head) };
    expect(nextStepsFor(consultant, informed, 'teacher-1').map((s) => s.id)).toEqual(['sessionPlanReceived', 'landingTextReceived']);
    expect(nextStepsFor(head, informed, 'teacher-1').map((s) => s.id)).toEqual(['contractSent', 'certificateTextWritten']);
  });

  it('draws the timeline per phase by due date, with what is overdue today', () => {
    const timeline = checklistTimeline({ informOperations: done(head) }, course, '2027-01-01');
    expect(timeline.map((p) => p.phase)).toEqual(['before', 'during', 'after']);
    const before = timeline[0]!;
    expect(before.from).toBe('2026-12-21');
    expect(before.items.find((i) => i.step.id === 'informOperations')).toMatchObject({ state: 'done', overdue: false });
    expect(before.items.find((i) => i.step.id === 'contractSent')).toMatchObject({ due: '2026-12-31', state: 'notStarted', overdue: true });
    expect(before.items.find((i) => i.step.id === 'contractSigned')).toMatchObject({ due: '2027-01-10', overdue: false });
    expect(timeline[2]!.to).toBe('2027-07-06');
  });
});
