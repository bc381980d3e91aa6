import type { RxCollection } from 'rxdb';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { approvalWorkflow, type ApprovalCase, type ApprovalEvent } from '../../../src-shared/domain/approval';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { CommandRunner, type Ports } from '../../../src-shared/domain/workflow/command-runner';
import type { CommandKind } from '../../../src-shared/domain/workflow/command-executors';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import { closeCaseFolder, type FolderClosing } from '../case/close-case-folder';
import { createTask, type TaskCreated } from '../case/create-task';
import { serverReport, transitionError, type ServerReport } from '../case/step-outcome';

/**
 * One approval step as the laptop takes it: the shared workflow decides as the acting user, the
 * new case state goes into the local replica (it syncs like any change, so an order taken offline
 * reaches the server later and the fetch starts then), and the laptop's command runner runs the
 * step's commands. The fetch itself and the student's notices are the server's. The decision
 * letter is not built yet: its document commands report so instead of doing nothing.
 */
export interface ApprovalReplica {
  cases: RxCollection<Case>;
  tasks: RxCollection<Task>;
}

export interface ApprovalStepDeps {
  api: Pick<SaksflytApi, 'archiveCloseCase'>;
  db: ApprovalReplica;
  actor: Actor;
  /** Signed in to a central server, which sends the notices (on local demo data there is none). */
  sendsLetters: boolean;
}

export type ApprovalReport = TaskCreated | FolderClosing | ServerReport | { type: 'documentNotBuilt'; command: CommandKind };

interface PortContext {
  deps: ApprovalStepDeps;
  /** The case as it is after the step. */
  caseDoc: ApprovalCase;
}

const notBuilt =
  (command: CommandKind): (() => ApprovalReport[]) =>
  () => [{ type: 'documentNotBuilt', command }];

export const approvalLaptopPorts: Ports<'laptop', PortContext, ApprovalReport> = {
  renderDocument: notBuilt('renderDocument'),
  requestSignature: notBuilt('requestSignature'),
  archive: notBuilt('archive'),
  letter: notBuilt('letter'),
  closeCaseFolder: async (_command, { deps, caseDoc }) => [await closeCaseFolder(deps.api, caseDoc, deps.actor)],
  createTask: async (command, { deps }) => [await createTask(deps.db.tasks, command)],
};

const laptopRunner = new CommandRunner('laptop', approvalLaptopPorts);

export async function takeApprovalStep(deps: ApprovalStepDeps, caseDoc: ApprovalCase, event: ApprovalEvent): Promise<ApprovalReport[]> {
  const result = approvalWorkflow.transition(caseDoc, event, deps.actor);
  if (!result.ok) throw transitionError(result);
  await deps.db.cases.incrementalUpsert(result.state);
  const { reports, handedOver } = await laptopRunner.run(result.commands, { deps, caseDoc: result.state });
  return [...reports, ...handedOver.map((handed) => serverReport(deps.sendsLetters, handed))];
}
