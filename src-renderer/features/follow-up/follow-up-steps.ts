import type { RxCollection } from 'rxdb';
import type { Actor } from '../../../src-shared/domain/access/roles';
import { canCreateCase } from '../../../src-shared/domain/access/access';
import { NO_DEADLINE, type Case } from '../../../src-shared/domain/case/case.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { followUpWorkflow, joinReports, type FollowUpCase, type FollowUpEvent } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { ConcernReport } from '../../../src-shared/domain/follow-up/follow-up.schema';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import type { Task } from '../../../src-shared/domain/task/task.schema';
import { CommandRunner, type Ports } from '../../../src-shared/domain/workflow/command-runner';
import type { SaksflytApi } from '../../../src-shared/ipc/channels';
import { AppError } from '../../../src-shared/kernel/app-error';
import { archiveDocument, issuedDocument, type ArchiveReport } from '../case/case-document-archive';
import { closeCaseFolder, type FolderClosing } from '../case/close-case-folder';
import { createTask, type TaskCreated } from '../case/create-task';
import { sendLetter, type LetterReport } from '../case/send-letter';
import { serverReport, transitionError, type ServerReport } from '../case/step-outcome';
import { studentName } from '../case/letter-parts';
import { archiveRecord, type FollowUpContext } from './document-inputs';
import { newCaseNumber } from '../case/new-case-number';

/**
 * One workflow step as the app takes it: the pure transition decides; the documents the step
 * needs are made (rendered, signed, sealed in the main process) before anything is saved, so a
 * refused signature leaves the case as it was; then the new case state goes into the local
 * replica and the laptop's command runner runs the step's commands: archiving and letters through
 * the main process's outbox, tasks into the replica. Notices without a letter and integration
 * calls are the server's: it derives them when it accepts the synced step (see
 * src-shared/domain/workflow/command-executors.ts).
 */
/** The collections of the local replica a step writes (the app passes its SaksflytDatabase). */
export interface FollowUpReplica {
  cases: RxCollection<Case>;
  documents: RxCollection<CaseDocument>;
  tasks: RxCollection<Task>;
}

export interface StepDeps {
  api: SaksflytApi;
  db: FollowUpReplica;
  actor: Actor;
  /** The user's today (YYYY-MM-DD), the date on documents. */
  today: string;
  /** Signed in to a central server, which e-mails letters (on local demo data there is none). */
  sendsLetters: boolean;
}

export type CommandReport =
  | { type: 'document'; document: CaseDocument }
  | { type: 'signatureRequested'; document: CaseDocument['kind']; method: 'onScreen' | 'pades' | 'seal' }
  | ArchiveReport
  | FolderClosing
  | TaskCreated
  | LetterReport
  | ServerReport;

export interface StepOutcome {
  caseDoc: FollowUpCase;
  reports: CommandReport[];
}

/** Makes the step's documents for the case as it will be after the step (nothing saved yet). */
export type MakeDocuments = (next: FollowUpContext) => Promise<CaseDocument[]>;

export async function takeStep(deps: StepDeps, ctx: Omit<FollowUpContext, 'today'>, event: FollowUpEvent, make?: MakeDocuments): Promise<StepOutcome> {
  const result = followUpWorkflow.transition(ctx.caseDoc, event, deps.actor);
  if (!result.ok) throw transitionError(result);
  const next: FollowUpContext = { ...ctx, caseDoc: result.state, today: deps.today };
  const made = make ? await make(next) : [];
  for (const document of made) await deps.db.documents.incrementalUpsert(document);
  await deps.db.cases.incrementalUpsert(result.state);
  const { reports, handedOver } = await laptopRunner.run(result.commands, { deps, ctx: next, made });
  const byServer = handedOver.map((handed) => serverReport(deps.sendsLetters, handed));
  return { caseDoc: result.state, reports: [...made.map((document): CommandReport => ({ type: 'document', document })), ...reports, ...byServer] };
}

/** What a step's command run on the laptop needs at hand. */
export interface LaptopPortContext {
  deps: StepDeps;
  /** The case as it is after the step. */
  ctx: FollowUpContext;
  /** The documents the step made. */
  made: readonly CaseDocument[];
}

/** The laptop's executors, one per kind of command it runs. */
export const laptopPorts: Ports<'laptop', LaptopPortContext, CommandReport> = {
  renderDocument: () => [], // made by the step's MakeDocuments (or at signing, for the protocol)
  requestSignature: (command, { made }) => {
    const signed = made.some((document) => document.kind === command.document && document.signatures.length > 0);
    return signed ? [] : [{ type: 'signatureRequested', document: command.document, method: command.method }];
  },
  archive: async (command, { deps, ctx }) => [await archive(deps, ctx, command.document)],
  closeCaseFolder: async (_command, { deps, ctx }) => [await closeCaseFolder(deps.api, ctx.caseDoc, deps.actor)],
  createTask: async (command, { deps }) => [await createTask(deps.db.tasks, command)],
  letter: async (command, { deps, ctx, made }) => [
    await sendLetter(deps, command.letter, {
      issued: () => issuedOfKind(deps.db, ctx, command.letter, made),
      record: (document) => archiveRecord(ctx, document),
    }),
  ],
};

const laptopRunner = new CommandRunner('laptop', laptopPorts);

/** The document of a kind the case's details point at (the protocol or the decision). */
export function documentIdOf(caseDoc: FollowUpCase, kind: CaseDocument['kind']): string | undefined {
  return kind === 'protocol' ? caseDoc.details.protocol?.documentId : kind === 'decision' ? caseDoc.details.decision?.documentId : undefined;
}

/** The issued document of a kind: made by this step, or recorded on the case earlier. */
function issuedOfKind(db: FollowUpReplica, ctx: FollowUpContext, kind: CaseDocument['kind'], made: readonly CaseDocument[] = []) {
  return issuedDocument(db.documents, made.find((document) => document.kind === kind)?.id ?? documentIdOf(ctx.caseDoc, kind));
}

/** Queues the document for every archive this laptop delivers to. */
export async function archive(deps: Pick<StepDeps, 'api' | 'db'>, ctx: FollowUpContext, kind: CaseDocument['kind']): Promise<CommandReport> {
  const stored = await issuedOfKind(deps.db, ctx, kind);
  if (!stored) return { type: 'archiveFailed', document: kind, message: `No issued ${kind} to archive` };
  return archiveDocument(deps.api, stored, archiveRecord(ctx, stored.toJSON() as CaseDocument));
}

/**
 * A new follow-up case: from a teacher's report (status "reported") or opened by the coordinator
 * with their own concern (status "open"), if the workflow lets the actor create it so.
 */
export async function createFollowUpCase(
  deps: Pick<StepDeps, 'db' | 'actor'>,
  input: { student: Person; department: string; cohort: string; report: ConcernReport },
): Promise<Case> {
  const { actor } = deps;
  const initial = followUpWorkflow.initial.find((entry) => entry.roles.some((role) => actor.roles.includes(role)));
  if (!initial) throw new AppError('forbidden', `${actor.name} may not start a follow-up case`);
  const at = input.report.reportedAt;
  const caseDoc: FollowUpCase = {
    id: `fu-${crypto.randomUUID()}`,
    type: 'followUp',
    caseNumber: newCaseNumber(at),
    title: `Oppfølging – ${studentName(input.student)} (${input.cohort})`,
    status: initial.status as FollowUpCase['status'],
    institution: actor.scope.institution,
    department: input.department,
    cohort: input.cohort,
    subjectPersonId: input.student.id,
    assignees: initial.status === 'open' ? [actor.userId] : [],
    deadlines: [],
    nextDeadline: NO_DEADLINE,
    details: { reports: [input.report] },
    createdAt: at,
    createdBy: actor.userId,
    updatedAt: at,
    updatedBy: actor.userId,
  };
  if (!canCreateCase(actor, caseDoc)) throw new AppError('forbidden', `${actor.name} may not create cases in ${input.cohort}`);
  const refused = initial.check?.(caseDoc, actor);
  if (refused) throw new AppError('precondition', refused.refused);
  const details = followUpWorkflow.detailsSchema.safeParse(caseDoc.details);
  if (!details.success) throw AppError.from(details.error);
  await deps.db.cases.insert(caseDoc);
  return caseDoc;
}

/** The coordinator's edit of the student's open case when a report is joined into it (after "merge"). */
export async function joinIntoCase(db: FollowUpReplica, actor: Actor, intoCaseId: string, reports: readonly ConcernReport[]): Promise<void> {
  const target = await db.cases.findOne(intoCaseId).exec();
  if (!target) throw new AppError('not-found', `No case ${intoCaseId}`);
  await target.incrementalModify((c) => ({
    ...c,
    details: joinReports(c.details as FollowUpCase['details'], reports),
    updatedAt: new Date().toISOString(),
    updatedBy: actor.userId,
  }));
}
