import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { DecisionInput } from '../../../src-shared/documents/decision.schema';
import type { DrawnSignature, ProtocolInput } from '../../../src-shared/documents/protocol.schema';
import type { SummonsInput } from '../../../src-shared/documents/summons.schema';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { FollowUpCase } from '../../../src-shared/domain/follow-up/follow-up.workflow';
import type { Note } from '../../../src-shared/domain/note/note.schema';
import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import { archiveRecordOf, studentName, studentParty, studentRecipient } from '../case/letter-parts';
import { AppError } from '../../../src-shared/kernel/app-error';
import { asStaff, institutionProfile, type StaffDirectory } from '../case/staff-directory';

/**
 * The documents' inputs, built from what the app holds: the case, the student, the notes, the
 * staff directory and the organisation. Document texts are Norwegian whatever the UI language.
 */
export interface FollowUpContext {
  caseDoc: FollowUpCase;
  student: Person;
  notes: readonly Note[];
  staff: StaffDirectory;
  organisation: OrganisationIndex;
  /** The date printed on documents (the user's today). */
  today: string;
}

/** Length of the conversation stated in the summons. */
export const SUMMONS_MINUTES = 45;

function head(ctx: FollowUpContext) {
  return { institution: institutionProfile(ctx.organisation, ctx.caseDoc.department), caseNumber: ctx.caseDoc.caseNumber, date: ctx.today };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new AppError('precondition', `The case has no ${what}`);
  return value;
}

const coordinator = (ctx: FollowUpContext) => asStaff(required(ctx.staff.coordinatorOf(ctx.caseDoc), 'cohort coordinator'));
const departmentHead = (ctx: FollowUpContext) => asStaff(required(ctx.staff.departmentHeadOf(ctx.caseDoc.department), 'head of department'));

/** The summons letter for the summons recorded on the case. */
export function summonsInput(ctx: FollowUpContext): SummonsInput {
  const summons = required(ctx.caseDoc.details.summons, 'summons');
  const video = summons.mode === 'video';
  return {
    ...head(ctx),
    student: studentParty(ctx.student),
    coordinator: coordinator(ctx),
    meeting: {
      startsAt: summons.meetingAt,
      durationMinutes: SUMMONS_MINUTES,
      place: video ? '' : summons.location,
      ...(video ? { videoLink: summons.location } : {}),
    },
    concerns: ctx.caseDoc.details.reports,
    reason: summons.reason,
  };
}

/** The conversation protocol: the case facts and every note (corrections resolved by the renderer). */
export function protocolInput(ctx: FollowUpContext, studentSignature?: DrawnSignature): ProtocolInput {
  const { summons, conversation } = ctx.caseDoc.details;
  const held = required(conversation, 'conversation');
  const own = new Set([studentName(ctx.student), coordinator(ctx).name]);
  return {
    ...head(ctx),
    student: studentParty(ctx.student),
    coordinator: coordinator(ctx),
    conversation: {
      heldAt: held.heldAt,
      place: summons ? (summons.mode === 'video' ? 'Videomøte' : summons.location) : 'Ikke oppgitt',
      participants: held.participants.filter((name) => !own.has(name)).map((name) => ({ name, title: 'Deltaker' })),
    },
    concerns: ctx.caseDoc.details.reports,
    notes: [...ctx.notes].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    sendTo: departmentHead(ctx),
    ...(studentSignature ? { studentSignature } : {}),
  };
}

/** What the decision form gives; the letter adds the parties and the institution. */
export type DecisionLetterParts = Pick<DecisionInput, 'title' | 'outcome' | 'legalBasis' | 'facts' | 'mainConsiderations' | 'appeal'>;

export function decisionInput(ctx: FollowUpContext, parts: DecisionLetterParts, deciderIds: readonly string[]): DecisionInput {
  const rector = ctx.staff.rector();
  const decidedBy = deciderIds.flatMap((id) => {
    const member = ctx.staff.member(id);
    return member ? [asStaff(member)] : [];
  });
  return {
    ...head(ctx),
    student: studentParty(ctx.student),
    ...parts,
    decidedBy: decidedBy.length > 0 ? decidedBy : [departmentHead(ctx)],
    contact: coordinator(ctx),
    copyTo: rector ? [asStaff(rector)] : [],
  };
}

/** What the archive files with the PDF: the student's folder, the document and who gets it. */
export function archiveRecord(ctx: FollowUpContext, document: CaseDocument): ArchiveRecord {
  const { caseDoc, student, staff } = ctx;
  const coordinatorUser = required(staff.coordinatorOf(caseDoc), 'cohort coordinator');
  const headUser = required(staff.departmentHeadOf(caseDoc.department), 'head of department');
  const rector = staff.rector();
  const toStudent = studentRecipient(student);
  const recipients: ArchiveRecord['recipients'] =
    document.kind === 'protocol'
      ? [
          { role: 'internalRecipient', party: 'staff', name: headUser.name, email: headUser.email },
          { ...toStudent, role: 'copy' },
        ]
      : document.kind === 'decision'
        ? [toStudent, ...(rector ? [{ role: 'copy', party: 'staff', name: rector.name, email: rector.email } as const] : [])]
        : [toStudent];
  const folder = { caseDoc, student, organisation: ctx.organisation, responsible: coordinatorUser.name, closedAt: caseDoc.details.closure?.closedAt };
  return archiveRecordOf(folder, document, staff.member(document.createdBy)?.name ?? coordinatorUser.name, recipients);
}
