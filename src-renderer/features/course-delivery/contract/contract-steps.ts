import type { RxCollection } from 'rxdb';
import type { ArchiveRecord } from '../../../../src-shared/documents/archive-record.schema';
import type { Actor } from '../../../../src-shared/domain/access/roles';
import type { Case } from '../../../../src-shared/domain/case/case.schema';
import { courseDeliveryWorkflow, type CourseDeliveryCase, type CourseDeliveryEvent } from '../../../../src-shared/domain/course-delivery';
import type { CaseDocument } from '../../../../src-shared/domain/document/document.schema';
import type { Task } from '../../../../src-shared/domain/task/task.schema';
import type { CommandKind } from '../../../../src-shared/domain/workflow/command-executors';
import { CommandRunner, type Ports } from '../../../../src-shared/domain/workflow/command-runner';
import type { SaksflytApi } from '../../../../src-shared/ipc/channels';
import { archiveDocument, issuedDocument, type ArchiveReport } from '../../case/case-document-archive';
import { closeCaseFolder, type FolderClosing } from '../../case/close-case-folder';
import { createTask, type TaskCreated } from '../../case/create-task';
import { serverReport, transitionError, type ServerReport } from '../../case/step-outcome';

/** The collections of the local replica a contract step writes. */
export interface ContractReplica {
  cases: RxCollection<Case>;
  tasks: RxCollection<Task>;
  documents: RxCollection<CaseDocument>;
}

export interface ContractStepDeps {
  api: Pick<SaksflytApi, 'archiveCloseCase' | 'archiveTargets' | 'archiveEnqueue'>;
  db: ContractReplica;
  actor: Actor;
  /** Signed in to a central server, which sends the notices (on local demo data there is none). */
  sendsLetters: boolean;
}

/** Makes the step's documents for the case as it will be after it (nothing saved yet). */
export type MakeContractDocuments = (next: CourseDeliveryCase) => Promise<CaseDocument[]>;

/** The archive record of the contract as the step archives it, or why it cannot be made. */
export type ContractRecordOf = (document: CaseDocument) => ArchiveRecord | { problem: string };

export type ContractReport =
  | { type: 'document'; document: CaseDocument }
  /** The teaching resource is asked to sign (they sign on this panel, on screen or with a certificate). */
  | { type: 'signatureRequested'; document: CaseDocument['kind'] }
  | ArchiveReport
  | TaskCreated
  | FolderClosing
  | ServerReport
  /** A command the contract steps never give (letters): said, not ignored. */
  | { type: 'notForContract'; command: CommandKind };

interface PortContext {
  deps: ContractStepDeps;
  caseDoc: CourseDeliveryCase;
  made: readonly CaseDocument[];
  recordOf?: ContractRecordOf | undefined;
}

async function archive({ deps, caseDoc, made, recordOf }: PortContext, kind: CaseDocument['kind']): Promise<ArchiveReport> {
  const stored = await issuedDocument(deps.db.documents, made.find((document) => document.kind === kind)?.id ?? caseDoc.details.contract?.documentId);
  if (!stored) return { type: 'archiveFailed', document: kind, message: `No issued ${kind} to archive` };
  const record = recordOf?.(stored.toJSON() as CaseDocument) ?? { problem: `No archive record for the ${kind}` };
  return 'problem' in record ? { type: 'archiveFailed', document: kind, message: record.problem } : archiveDocument(deps.api, stored, record);
}

const contractPorts: Ports<'laptop', PortContext, ContractReport> = {
  renderDocument: () => [], // made by the step's MakeContractDocuments
  requestSignature: (command) => [{ type: 'signatureRequested', document: command.document }],
  archive: async (command, context) => [await archive(context, command.document)],
  letter: () => [{ type: 'notForContract', command: 'letter' }],
  createTask: async (command, { deps }) => [await createTask(deps.db.tasks, command)],
  closeCaseFolder: async (_command, { deps, caseDoc }) => [await closeCaseFolder(deps.api, caseDoc, deps.actor)],
};

const laptopRunner = new CommandRunner('laptop', contractPorts);

/**
 * One contract step of a course (send, sign, archive) as the laptop takes it: the shared workflow
 * decides as the acting user; the documents the step needs (the contract's record, the signed and
 * countersigned PDF from the main process) are made before anything is saved, so a refused
 * signature leaves the case as it was; then the case goes into the local replica (it syncs like
 * any change) and the step's laptop commands run: archiving through the main process's outbox,
 * tasks, folder closings. Notices are the server's when it accepts the synced step.
 */
export async function takeContractStep(
  deps: ContractStepDeps,
  caseDoc: CourseDeliveryCase,
  event: CourseDeliveryEvent,
  make?: MakeContractDocuments,
  recordOf?: ContractRecordOf,
): Promise<ContractReport[]> {
  const result = courseDeliveryWorkflow.transition(caseDoc, event, deps.actor);
  if (!result.ok) throw transitionError(result);
  const made = make ? await make(result.state) : [];
  for (const document of made) await deps.db.documents.incrementalUpsert(document);
  await deps.db.cases.incrementalUpsert(result.state);
  const { reports, handedOver } = await laptopRunner.run(result.commands, { deps, caseDoc: result.state, made, recordOf });
  return [
    ...made.map((document): ContractReport => ({ type: 'document', document })),
    ...reports,
    ...handedOver.map((handed) => serverReport(deps.sendsLetters, handed)),
  ];
}
