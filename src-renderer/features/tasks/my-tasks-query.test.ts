import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { actorFor, followUpStart, nominationStart } from '../../../dev/testing';
import { replicaWithCases } from '../overview/replica.test-helper';
import { myTasks$ } from './my-tasks-query';
import { toggleTask } from './toggle-task';

const followUp: Case = followUpStart();
const nomination: Case = nominationStart();
const coordinator = actorFor('cohortCoordinator');
const at = '2026-03-01T08:00:00.000Z';
const task = (id: string, assigneeId: string, due: string, caseId = followUp.id): Task => ({
  id,
  caseId,
  title: `Oppgave ${id}`,
  assigneeId,
  due,
  done: false,
  createdAt: at,
  updatedAt: at,
});

describe('myTasks$ on a real replica', () => {
  const db = replicaWithCases([followUp, nomination]);

  it('lists my open tasks and my role’s by deadline, and drops one once it is ticked off', async () => {
    await db().tasks.bulkInsert([
      task('later', coordinator.userId, '2026-04-01'),
      task('role', 'cohortCoordinator', '2026-03-05'),
      task('other', 'departmentHead-1', '2026-03-01'),
      task('nomination', coordinator.userId, '2026-03-02', nomination.id),
    ]);
    const ids = (tasks: { task: Task }[]) => tasks.map((mine) => mine.task.id);
    const live = myTasks$(db(), coordinator, '2026-03-10', false);
    expect(ids(await firstValueFrom(live))).toEqual(['role', 'later']);

    const stored = (await db().tasks.findOne('role').exec())!.toJSON() as Task;
    const done = await toggleTask(db(), stored);
    expect(done.done).toBe(true);
    expect(done.updatedAt > at).toBe(true);
    expect((await db().tasks.findOne('role').exec())!.toJSON()).toEqual(done);
    expect(ids(await firstValueFrom(live.pipe(filter((tasks) => tasks.length === 1))))).toEqual(['later']);

    const withDone = await firstValueFrom(myTasks$(db(), coordinator, '2026-03-10', true));
    expect(withDone.map((mine) => [mine.task.id, mine.task.done, mine.urgency])).toEqual([
      ['later', false, 'later'],
      ['role', true, null],
    ]);
  });
});
