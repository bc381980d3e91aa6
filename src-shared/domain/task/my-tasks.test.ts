import { describe, expect, it } from 'vitest';
import { isStaff } from '../access/access';
import type { Role } from '../access/roles';
import { demoUsers, generateDemoData } from '../../../dev/demo-data';
import { actorFor, followUpStart, nominationStart, SCOPE, TEACHER_ID } from '../../../dev/testing';
import { assigneeIdsOf, canToggleTask, isMyTask, selectMyTasks, toggledTask, type TaskCase } from './my-tasks';
import type { Task } from './task.schema';

const TODAY = '2026-03-10';
const NOW = '2026-03-10T10:00:00.000Z';

const followUp: TaskCase = followUpStart();
const otherCohort: TaskCase = { ...followUpStart(), id: 'followUp-other-cohort', caseNumber: '2026/00002', cohort: 'OKO-2024H' };
const nomination: TaskCase = { ...nominationStart(), caseNumber: '2026/00003' };
const cases = new Map([followUp, otherCohort, nomination].map((c) => [c.id, c]));

let n = 0;
function task(assigneeId: string, due: string, overrides: Partial<Task> = {}): Task {
  n += 1;
  return { id: `task-${n}`, caseId: followUp.id, title: `Oppgave ${n}`, assigneeId, due, done: false, createdAt: NOW, updatedAt: NOW, ...overrides };
}

const select = (role: Role, tasks: Task[], includeDone = false) => selectMyTasks(actorFor(role), tasks, cases, { today: TODAY, now: NOW, includeDone });

describe('selectMyTasks', () => {
  const coordinator = actorFor('cohortCoordinator');

  it('lists the open tasks assigned to me or my role within my scope, by deadline, with their urgency', () => {
    const later = task(coordinator.userId, '2026-04-01');
    const overdue = task('cohortCoordinator', '2026-03-02');
    const soon = task(coordinator.userId, '2026-03-12', { caseId: nomination.id });
    const listed = select('cohortCoordinator', [
      later,
      overdue,
      task('departmentHead-1', '2026-03-01'), // someone else's
      task('departmentHead', '2026-03-01'), // a role I do not hold
      task('cohortCoordinator', '2026-03-01', { caseId: otherCohort.id }), // my role, outside my cohorts
      task(coordinator.userId, '2026-03-01', { caseId: 'case-not-in-replica' }),
      task(coordinator.userId, '2026-03-01', { done: true }),
      soon,
    ]);
    expect(listed.map((mine) => [mine.task.id, mine.urgency])).toEqual([
      [overdue.id, 'overdue'],
      [later.id, 'later'],
    ]);
    // The coordinator's nomination task: the coordinator does not work on nominations at all.
    expect(listed.some((mine) => mine.task.id === soon.id)).toBe(false);
    expect(listed.every((mine) => mine.canToggle && mine.case.id === followUp.id)).toBe(true);
  });

  it('shows done tasks after the open ones when asked, without urgency', () => {
    const done = task(coordinator.userId, '2026-03-01', { done: true });
    const open = task(coordinator.userId, '2026-03-20');
    const listed = select('cohortCoordinator', [done, open], true);
    expect(listed.map((mine) => [mine.task.id, mine.urgency])).toEqual([
      [open.id, 'later'],
      [done.id, null],
    ]);
  });

  it('orders tasks due the same day by case number', () => {
    const second = task(coordinator.userId, '2026-03-15', { caseId: followUp.id });
    const head = actorFor('departmentHead');
    const onNomination = task(head.userId, '2026-03-15', { caseId: nomination.id });
    const onFollowUp = task(head.userId, '2026-03-15');
    expect(selectMyTasks(head, [onNomination, second, onFollowUp], cases, { today: TODAY, now: NOW, includeDone: false }).map((mine) => mine.task.id)).toEqual([
      onFollowUp.id,
      onNomination.id,
    ]);
  });

  it('lets only those the write rules allow tick a task off', () => {
    // The head reads the tasks of nominations but does not change them.
    const head = actorFor('departmentHead');
    const [readOnly] = selectMyTasks(head, [task(head.userId, '2026-03-15', { caseId: nomination.id })], cases, { today: TODAY, now: NOW, includeDone: false });
    expect(readOnly).toMatchObject({ canToggle: false });
    // A teacher ticks off the tasks assigned to them on the case they reported ('o': own entries).
    const [own] = select('teacher', [task(TEACHER_ID, '2026-03-15')]);
    expect(own).toMatchObject({ canToggle: true });
    // The rector's own tasks are theirs to tick off; a task for the rector role is not any one rector's.
    const rector = actorFor('rector');
    expect(select('rector', [task(rector.userId, '2026-03-15'), task('rector', '2026-03-16')]).map((mine) => mine.canToggle)).toEqual([true, false]);
  });
});

describe('isMyTask and canToggleTask', () => {
  it('needs the role that carries the assignment to see the case', () => {
    const actor = { ...actorFor('cohortCoordinator'), scope: { ...actorFor('cohortCoordinator').scope, cohorts: [] } };
    expect(isMyTask(actor, { assigneeId: 'cohortCoordinator' }, followUp)).toBe(false);
    expect(isMyTask(actorFor('cohortCoordinator'), { assigneeId: 'cohortCoordinator' }, followUp)).toBe(true);
    expect(assigneeIdsOf(actorFor('cohortCoordinator'))).toEqual(['cohortCoordinator-1', 'cohortCoordinator']);
  });

  it('refuses a tick-off by someone the task is not assigned to, and on a case outside their scope', () => {
    const theirs = task('teacher-2', '2026-03-15');
    expect(canToggleTask(actorFor('teacher'), theirs, followUp, NOW)).toBe(false);
    expect(canToggleTask(actorFor('cohortCoordinator'), task('cohortCoordinator', '2026-03-15'), { ...followUp, cohort: SCOPE.partner }, NOW)).toBe(false);
  });

  it('ticks a task off and opens it again, stamped with when', () => {
    const open = task('x', '2026-03-15');
    const done = toggledTask(open, '2026-03-11T08:00:00.000Z');
    expect(done).toEqual({ ...open, done: true, updatedAt: '2026-03-11T08:00:00.000Z' });
    expect(toggledTask(done, NOW)).toMatchObject({ done: false, updatedAt: NOW });
  });
});

describe('my tasks on the demo data', () => {
  const now = new Date('2026-03-10T11:00:00.000Z');
  const data = generateDemoData({ caseCount: 300, seed: 20_260_101, now });
  const demoCases = new Map<string, TaskCase>(data.cases.map((c) => [c.id, c]));
  const staff = demoUsers().filter((user) => isStaff(user));

  it('gives the demo staff open tasks across case types: some overdue, some due soon, some later', () => {
    const lists = staff.map((user) => selectMyTasks(user, data.tasks, demoCases, { today: TODAY, now: NOW, includeDone: false }));
    const all = lists.flat();
    // Every open task is someone's, and each coordinator has some.
    expect(all).toHaveLength(data.tasks.filter((t) => !t.done).length);
    for (const [i, user] of staff.entries()) if (user.roles.includes('cohortCoordinator')) expect(lists[i]!.length, user.userId).toBeGreaterThan(0);
    for (const urgency of ['overdue', 'dueSoon', 'later'] as const)
      expect(
        all.some((mine) => mine.urgency === urgency),
        urgency,
      ).toBe(true);
    expect(new Set(all.map((mine) => mine.case.type)).size).toBe(5);
    expect(all.every((mine) => mine.canToggle)).toBe(true);
  });
});
