import { map, of, switchMap, type Observable } from 'rxjs';
import type { Actor } from '../../../src-shared/domain/access/roles';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import { assigneeIdsOf, selectMyTasks, type MyTask, type TaskCase } from '../../../src-shared/domain/task/my-tasks';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import type { SaksflytDatabase } from '../../db/database';

/**
 * The actor's tasks, live from the replica: the tasks assigned to the actor or its roles, with
 * their cases, narrowed and ordered by the shared rule (selectMyTasks).
 */
export function myTasks$(db: SaksflytDatabase, actor: Actor, today: string, includeDone: boolean): Observable<MyTask[]> {
  const selector = { assigneeId: { $in: assigneeIdsOf(actor) }, ...(includeDone ? {} : { done: false }) };
  return db.tasks.find({ selector }).$.pipe(
    switchMap((docs) => {
      const tasks = docs.map((doc) => doc.toJSON() as Task);
      if (tasks.length === 0) return of([]);
      return db.cases.findByIds([...new Set(tasks.map((task) => task.caseId))]).$.pipe(
        map((found) => {
          const cases = new Map<string, TaskCase>([...found].map(([id, doc]) => [id, doc.toJSON() as Case]));
          return selectMyTasks(actor, tasks, cases, { today, now: new Date().toISOString(), includeDone });
        }),
      );
    }),
  );
}
