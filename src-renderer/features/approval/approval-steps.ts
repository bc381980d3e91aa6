import type { RxCollection } from 'rxdb';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { approvalWorkflow, type ApprovalCase, type ApprovalEvent } from '../../../src-shared/domain/approval';
import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { CommandRunner, type Ports } from '../../../src-shared/domain/workflow/command-runner';
import type { CommandKind } from '../../../src-shared/domain/workflow/command-executors';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import { archiveDocument, issuedDocument, type ArchiveReport } from '../case/case-document-archive';
import { closeCaseFolder, type FolderClosing } from '../case/close-case-folder';
import { createTask, type TaskCreated } from '../case/create-task';
import { sendLetter, type LetterReport } from '../case/send-letter';
import type { StaffDirectory } from '../case/staff-directory';
import { serverReport, transitionError, type ServerReport } from '../case/step-outcome';
import { approvalArchiveRecord } from './decision-input';

/**
 * One approval step as the laptop takes it: the shared workflow decides as the acting user; the
 * documents the step needs (the decision letter, rendered and sealed in the main process) are
 * made before anything is saved, so a refused seal leaves the case as it was; then the new case
 * state goes into the local replica (it syncs like any change: an order taken offline reaches the
 * server later and the fetch starts then) and the laptop's command runner runs the step's
 * commands: archiving and the decision letter (e-mailed by the server) through the main process's
 * outbox, tasks and folder closings. The fetch and the notices to the student are the server's,
 * when it accepts the synced step.
 */
export interface ApprovalReplica {
  cases: RxCollection<Case>;
  tasks: RxCollection<Task>;
  documents: RxCollection<CaseDocument>;
}

/** What the archive record of the case's documents needs besides the case (loaded by the page). */
export interface ApprovalRecords {
  student: Person;
  organisation: OrganisationIndex;
  staff: StaffDirectory;
}

export interface ApprovalStepDeps {
  api: Pick<SaksflytApi, 'archiveCloseCase' | 'archiveTargets' | 'archiveEnqueue'>;
  db: ApprovalReplica;
  actor: Actor;
  /** Signed in to a central server, which sends the letters and notices (on local demo data there is none). */
  sendsLetters: boolean;
  /** Undefined while the student or the organisation is loading: documents cannot be archived then. */
  records?: ApprovalRecords | undefined;
}

/** Makes the step's documents for the case as it will be after the step (nothing saved yet). */
export type MakeApprovalDocuments = (next: ApprovalCase) => Promise<CaseDocument[]>;

export type ApprovalReport =
  | { type: 'document'; document: CaseDocument }
  | ArchiveReport
  | TaskCreated
  | FolderClosing
  | LetterReport
  | ServerReport
  /** A command the approval workflow never gives (signatures): said, not ignored. */
  | { type: 'notForApproval'; command: CommandKind };

interface PortContext {
  deps: ApprovalStepDeps;
  /** The case as it is after the step. */
  caseDoc: ApprovalCase;
  /** The documents the step made. */
  made: readonly CaseDocument[];
}

const notForApproval =
  (command: CommandKind): (() => ApprovalReport[]) =>
  () => [{ type: 'notForApproval', command }];

/** The case's issued document of a kind: made by this step, else the newest on record. */
async function issuedOfKind(db: ApprovalReplica, caseDoc: ApprovalCase, kind: CaseDocument['kind'], made: readonly CaseDocument[]) {
  const newest = await db.documents.findOne({ selector: { caseId: caseDoc.id, kind }, sort: [{ createdAt: 'desc' }] }).exec();
  return issuedDocument(db.documents, made.find((document) => document.kind === kind)?.id ?? newest?.id);
}

/** The archive record of an issued document (the letter's too), or why it cannot be made yet. */
function recordOf({ deps, caseDoc }: PortContext, document: CaseDocument): ArchiveRecord | { problem: string } {
  const { records } = deps;
  if (!records) return { problem: 'The student or the organisation is not loaded yet' };
  const officer = caseDoc.assignees.map((id) => records.staff.member(id)).find((member) => member?.roles.includes('caseOfficer'));
  const responsible = officer?.name ?? deps.actor.name;
  return approvalArchiveRecord(
    {
      caseDoc,
      student: records.student,
      organisation: records.organisation,
      responsible,
      createdBy: records.staff.member(document.createdBy)?.name ?? responsible,
    },
    document,
  );
}

async function archive(context: PortContext, kind: CaseDocument['kind']): Promise<ArchiveReport> {
  const stored = await issuedOfKind(context.deps.db, context.caseDoc, kind, context.made);
  if (!stored) return { type: 'archiveFailed', document: kind, message: `No issued ${kind} to archive` };
  const record = recordOf(context, stored.toJSON() as CaseDocument);
  return 'problem' in record ? { type: 'archiveFailed', document: kind, message: record.problem } : archiveDocument(context.deps.api, stored, record);
}

export const approvalLaptopPorts: Ports<'laptop', PortContext, ApprovalReport> = {
  renderDocument: () => [], // made by the step's MakeApprovalDocuments
  requestSignature: notForApproval('requestSignature'),
  archive: async (command, context) => [await archive(context, command.document)],
  letter: async (command, context) => [
    await sendLetter(context.deps, command.letter, {
      issued: () => issuedOfKind(context.deps.db, context.caseDoc, command.letter, context.made),
      record: (document) => recordOf(context, document),
    }),
  ],
  closeCaseFolder: async (_command, { deps, caseDoc }) => [await closeCaseFolder(deps.api, caseDoc, deps.actor)],
  createTask: async (command, { deps }) => [await createTask(deps.db.tasks, command)],
};

const laptopRunner = new CommandRunner('laptop', approvalLaptopPorts);

export async function takeApprovalStep(
  deps: ApprovalStepDeps,
  caseDoc: ApprovalCase,
  event: ApprovalEvent,
  make?: MakeApprovalDocuments,
): Promise<ApprovalReport[]> {
  const result = approvalWorkflow.transition(caseDoc, event, deps.actor);
  if (!result.ok) throw transitionError(result);
  const made = make ? await make(result.state) : [];
  for (const document of made) await deps.db.documents.incrementalUpsert(document);
  await deps.db.cases.incrementalUpsert(result.state);
  const { reports, handedOver } = await laptopRunner.run(result.commands, { deps, caseDoc: result.state, made });
  return [
    ...made.map((document): ApprovalReport => ({ type: 'document', document })),
    ...reports,
    ...handedOver.map((handed) => serverReport(deps.sendsLetters, handed)),
  ];
}
