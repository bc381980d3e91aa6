import type { RxCollection } from 'rxdb';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import type { CommandOfKind } from '../../../src-shared/domain/workflow/command-executors';
import type { Recipient } from '../../../src-shared/domain/workflow/command.schema';

export interface TaskCreated {
  type: 'taskCreated';
  title: string;
  due: string;
}

/**
 * The laptop's executor of any workflow's `createTask` command: an open task in the local replica,
 * which syncs to the server like any change (queued while offline).
 */
export async function createTask(tasks: RxCollection<Task>, command: CommandOfKind['createTask']): Promise<TaskCreated> {
  const now = new Date().toISOString();
  await tasks.insert({
    id: `task-${crypto.randomUUID()}`,
    caseId: command.caseId,
    title: command.title,
    assigneeId: recipientId(command.assignee),
    due: command.due,
    done: false,
    createdAt: now,
    updatedAt: now,
  });
  return { type: 'taskCreated', title: command.title, due: command.due };
}

/** A task is assigned to a user, a person or a role: the id the task list matches. */
function recipientId(recipient: Recipient): string {
  return recipient.kind === 'person' ? recipient.personId : recipient.kind === 'user' ? recipient.userId : recipient.role;
}
