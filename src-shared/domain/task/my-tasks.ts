import { roleCanSee } from '../access/access';
import { checkRecordWrite, type RecordWrite } from '../access/record-write';
import type { Actor } from '../access/roles';
import type { Case } from '../case/case.schema';
import type { JsonRecord } from '../../sync/json-value';
import type { Task } from './task.schema';
import { deadlineUrgency, type DeadlineUrgency } from '../case/deadline-urgency';

/** What the task list needs of a task's case: its scope (for the access rules) and how it is named. */
export type TaskCase = RecordWrite['parent'] & Pick<Case, 'id' | 'caseNumber' | 'title'>;

export interface MyTask {
  task: Task;
  case: TaskCase;
  /** How pressing its deadline is; null once the task is done. */
  urgency: DeadlineUrgency | null;
  /** Whether the server would take the actor's ticking it off (or opening it again). */
  canToggle: boolean;
}

/**
 * Whether a task is the actor's: assigned to the actor by user id, or to a role the actor holds
 * (`assigneeId` is then the role's name), and the case is within the scope of that role.
 */
export function isMyTask(actor: Actor, task: Pick<Task, 'assigneeId'>, c: TaskCase): boolean {
  return actor.roles.some((role) => (task.assigneeId === actor.userId || task.assigneeId === role) && roleCanSee(role, actor, c));
}

/** The ids a task assigned to the actor carries: the actor's own and the names of its roles. */
export function assigneeIdsOf(actor: Actor): string[] {
  return [actor.userId, ...actor.roles];
}

/** The change that ticks a task off (or opens it again), stamped with when. */
export function toggledTask(task: Task, at: string): Task {
  return { ...task, done: !task.done, updatedAt: at };
}

/** Whether the access rules let the actor tick this task off, or open it again. */
export function canToggleTask(actor: Actor, task: Task, c: TaskCase, at: string): boolean {
  const write = {
    actor,
    parent: c,
    collection: 'tasks',
    before: task as unknown as JsonRecord,
    after: toggledTask(task, at) as unknown as JsonRecord,
  } as const;
  return checkRecordWrite(write).ok;
}

/**
 * "Mine oppgaver": the actor's tasks whose case is at hand and in scope, open ones first (done
 * ones only with `includeDone`), each group by deadline, then case number. `today` is YYYY-MM-DD,
 * `now` the timestamp a tick-off would carry.
 */
export function selectMyTasks(
  actor: Actor,
  tasks: readonly Task[],
  casesById: ReadonlyMap<string, TaskCase>,
  { today, now, includeDone }: { today: string; now: string; includeDone: boolean },
): MyTask[] {
  const mine: MyTask[] = [];
  for (const task of tasks) {
    const c = casesById.get(task.caseId);
    if (!c || (task.done && !includeDone) || !isMyTask(actor, task, c)) continue;
    mine.push({ task, case: c, urgency: task.done ? null : deadlineUrgency(task.due, today), canToggle: canToggleTask(actor, task, c, now) });
  }
  return mine.sort(
    (a, b) =>
      Number(a.task.done) - Number(b.task.done) ||
      a.task.due.localeCompare(b.task.due) ||
      a.case.caseNumber.localeCompare(b.case.caseNumber) ||
      a.task.id.localeCompare(b.task.id),
  );
}
