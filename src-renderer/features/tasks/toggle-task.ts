import { toggledTask } from '../../../src-shared/domain/task/my-tasks';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import type { SaksflytDatabase } from '../../db/database';

/**
 * Ticks a task off (or opens it again) in the local replica: `done` and `updatedAt` change like
 * any edit, so sync sends the change and the server checks and audits it. Returns the new state.
 */
export async function toggleTask(db: SaksflytDatabase, task: Task): Promise<Task> {
  const next = toggledTask(task, new Date().toISOString());
  const stored = await db.tasks.findOne(task.id).exec();
  if (!stored) throw new Error(`Task ${task.id} is not in the local replica`);
  await stored.incrementalPatch({ done: next.done, updatedAt: next.updatedAt });
  return next;
}
