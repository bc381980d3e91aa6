import type { ArchiveRecord } from '../../../src-shared/documents/archive-record.schema';
import type { ApprovalDecisionInput } from '../../../src-shared/documents/approval-decision.schema';
import { approvalVerdictLabels } from '../../../src-shared/documents/approval-decision.schema';
import { approvedCredits, decisionOutcome, type ApprovalCase, type CourseVerdict } from '../../../src-shared/domain/approval';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import type { OrganisationIndex } from '../../../src-shared/domain/organisation/organisation-index';
import type { Person } from '../../../src-shared/domain/person/person.schema';
import type { StaffMember } from '../../../src-shared/domain/staff/staff.schema';
import { AppError } from '../../../src-shared/kernel/app-error';
import { formatDate } from '../../i18n/format';
import { archiveRecordOf, defaultAppeal, studentParty, studentRecipient } from '../case/letter-parts';
import { asStaff, institutionProfile } from '../case/staff-directory';
import type { DecisionFormValues } from './decision-form.schema';

/** What the approval's documents are built from besides the form: the case, its student, the organisation and the case officer. */
export interface ApprovalLetterContext {
  caseDoc: ApprovalCase;
  student: Person;
  organisation: OrganisationIndex;
  /** The case officer who decides (named on the letter as decider and contact). */
  officer: Pick<StaffMember, 'name' | 'roles'>;
}

export const DECISION_TITLE = 'Vedtak om godkjenning av ekstern utdanning';

/** Credits as Norwegian letters write them (7,5). */
const credits = (value: number) => String(value).replace('.', ',');

/**
 * The decision letter for the verdicts in the form, decided at `at`: the day of the letter is the
 * day the workflow counts the appeal period from, so the letter's deadline is the case's. Texts are
 * Norwegian whatever the UI language.
 */
export function approvalDecisionInput(ctx: ApprovalLetterContext, values: DecisionFormValues, at: string): ApprovalDecisionInput {
  const { caseDoc, student, organisation } = ctx;
  const { application, externalResults } = caseDoc.details;
  const courses = values.courses.map((verdict) => {
    const course = externalResults.find(
      (r) => r.category === 'course' && r.institutionCode === verdict.institutionCode && r.code === verdict.code && r.term === verdict.term,
    );
    if (!course) throw new AppError('precondition', `${verdict.code} (${verdict.term}) is not among the accepted results`);
    return { ...verdict, institutionName: course.institutionName, name: course.nameNb, courseCredits: course.credits };
  });
  const total = approvedCredits(values.courses);
  const appliedFor = courses.reduce((sum, course) => sum + course.courseCredits, 0);
  const institutions = [...new Set(courses.map((course) => course.institutionName))].join(', ');
  const day = dateOf(at);
  const officer = asStaff(ctx.officer);
  return {
    institution: institutionProfile(organisation, caseDoc.department),
    caseNumber: caseDoc.caseNumber,
    date: day,
    student: studentParty(student),
    title: DECISION_TITLE,
    outcome: `${approvalVerdictLabels[decisionOutcome(values.courses)]}: du får godkjent ${credits(total)} av ${credits(appliedFor)} studiepoeng fra utdanningen din ved ${institutions}.`,
    legalBasis: values.legalBasis,
    facts:
      `Du søkte ${formatDate(application.receivedAt, 'nb-NO')} om godkjenning av ${credits(application.requestedCredits)} studiepoeng ekstern utdanning. ` +
      `Med ditt samtykke til resultatutveksling hentet vi de beståtte resultatene dine fra ${institutions}. Vi har vurdert ${courses.length} ${courses.length === 1 ? 'emne' : 'emner'}.`,
    mainConsiderations: values.grounds,
    appeal: { ...defaultAppeal(organisation, caseDoc), receivedOn: day },
    decidedBy: [officer],
    contact: officer,
    copyTo: [],
    courses,
    approvedCredits: total,
  };
}

/** The verdicts' outcome and total, shown while the form is filled in (undefined until every row has a number). */
export function liveOutcome(verdicts: readonly Pick<CourseVerdict, 'verdict' | 'credits'>[]) {
  if (verdicts.length === 0 || verdicts.some((v) => !Number.isFinite(v.credits))) return undefined;
  return { outcome: decisionOutcome(verdicts as CourseVerdict[]), credits: approvedCredits(verdicts as CourseVerdict[]) };
}

/** What the archive files with the decision: the student's folder, with the case officer responsible, and the student as recipient. */
export function approvalArchiveRecord(
  ctx: Omit<ApprovalLetterContext, 'officer'> & { responsible: string; createdBy: string },
  document: CaseDocument,
): ArchiveRecord {
  const { caseDoc, student, organisation } = ctx;
  return archiveRecordOf({ caseDoc, student, organisation, responsible: ctx.responsible, closedAt: caseDoc.details.closedAt }, document, ctx.createdBy, [
    studentRecipient(student),
  ]);
}
