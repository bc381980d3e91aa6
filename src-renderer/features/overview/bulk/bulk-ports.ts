import type { RxCollection } from 'rxdb';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { Task } from '../../../../src-shared/domain/task/task.schema';
import type { Command } from '../../../../src-shared/domain/workflow/command.schema';
import { CommandRunner, type Ports } from '../../../../src-shared/domain/workflow/command-runner';
import { AppError } from '../../../../src-shared/kernel/app-error';
import { createTask, type TaskCreated } from '../../case/create-task';

/** The collections of the local replica a bulk step writes. */
export interface BulkReplica {
  cases: RxCollection<Case>;
  tasks: RxCollection<Task>;
}

/**
 * A bulk step makes no document and no signature (see src-shared/domain/case/bulk-steps.ts, whose
 * test walks every transition), so these commands never reach a bulk run; if one did, the case's
 * result would say so rather than the command being dropped.
 */
const onTheCasePage = (command: Command): never => {
  throw new AppError('internal', `A bulk step cannot ${command.type} (case ${command.caseId}); take it on the case's page`);
};

/** The laptop's executors in a bulk step: tasks go into the replica like the follow-up's. */
const bulkPorts: Ports<'laptop', BulkReplica, TaskCreated> = {
  renderDocument: onTheCasePage,
  requestSignature: onTheCasePage,
  archive: onTheCasePage,
  letter: onTheCasePage,
  createTask: async (command, db) => [await createTask(db.tasks, command)],
};

/** Runs a bulk step's laptop commands; notices and integration calls are handed over to the server. */
export const bulkRunner = new CommandRunner('laptop', bulkPorts);
