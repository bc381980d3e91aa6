import type { RxCollection } from 'rxdb';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import type { Task } from '../../../../src-shared/domain/task/task.schema';
import type { Command } from '../../../../src-shared/domain/workflow/command.schema';
import { CommandRunner, type Ports } from '../../../../src-shared/domain/workflow/command-runner';
import { AppError } from '../../../../src-shared/kernel/app-error';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { SaksflytApi } from '../../../../src-shared/ipc/channels';
import { closeCaseFolder, type FolderClosing } from '../../case/close-case-folder';
import { createTask, type TaskCreated } from '../../case/create-task';

/** The collections of the local replica a bulk step writes. */
export interface BulkReplica {
  cases: RxCollection<Case>;
  tasks: RxCollection<Task>;
}

/** What a bulk step's commands run with: the replica, the main process, the user and the case after the step. */
export interface BulkPortContext {
  db: BulkReplica;
  api: Pick<SaksflytApi, 'archiveCloseCase'>;
  actor: Actor;
  ended: Case;
}

/**
 * A bulk step makes no document and no signature (see src-shared/domain/case/bulk-steps.ts, whose
 * test walks every transition), so these commands never reach a bulk run; if one did, the case's
 * result would say so rather than the command being dropped.
 */
const onTheCasePage = (command: Command): never => {
  throw new AppError('internal', `A bulk step cannot ${command.type} (case ${command.caseId}); take it on the case's page`);
};

/** The laptop's executors in a bulk step: tasks and closed case folders as on a case's page. */
const bulkPorts: Ports<'laptop', BulkPortContext, TaskCreated | FolderClosing> = {
  renderDocument: onTheCasePage,
  requestSignature: onTheCasePage,
  archive: onTheCasePage,
  letter: onTheCasePage,
  createTask: async (command, { db }) => [await createTask(db.tasks, command)],
  closeCaseFolder: async (_command, { api, ended, actor }) => [await closeCaseFolder(api, ended, actor)],
};

/** Runs a bulk step's laptop commands; notices and integration calls are handed over to the server. */
export const bulkRunner = new CommandRunner('laptop', bulkPorts);
