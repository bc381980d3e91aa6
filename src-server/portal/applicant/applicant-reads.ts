import type { Actor } from '../../../src-shared/domain/access';
import { caseSchema } from '../../../src-shared/domain/case/case.schema';
import { dateOf } from '../../../src-shared/domain/calendar/iso-date';
import type { EducationOffer } from '../../../src-shared/domain/nomination/education-offer';
import {
  nominationDetailsSchema,
  nominationStatusSchema,
  type NominationDetails,
  type NominationStatus,
} from '../../../src-shared/domain/nomination/nomination.schema';
import type { ApplicantApplication, ApplicantUpload } from '../../../src-shared/portal/applicant.contract';
import { storedOffers } from '../../case-types/nomination/offer-store';
import type { Sql } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { uploadsOf } from './applicant-uploads';

/**
 * An applicant's own nomination cases (subject = their person id, at their institution), and what
 * the portal shows of one: cut down to what the applicant needs (no ranking details, reviewer,
 * notes or national ID), with what they may do now.
 */
const storedNominationSchema = caseSchema.pick({ id: true, caseNumber: true, institution: true, cohort: true, subjectPersonId: true, deadlines: true }).extend({
  status: nominationStatusSchema,
  details: nominationDetailsSchema,
});
export type ApplicantCase = {
  id: string;
  caseNumber: string;
  status: NominationStatus;
  cohort: string;
  deadlines: { kind: string; due: string }[];
  details: NominationDetails;
};

const open: readonly NominationStatus[] = ['nominated', 'submitted', 'underReview', 'awaitingDocumentation', 'qualified', 'offered'];
const uploadable: readonly NominationStatus[] = ['nominated', 'submitted', 'underReview', 'awaitingDocumentation'];

/** Whether the application still takes documents (until it is decided on). */
export const takesDocuments = (c: ApplicantCase) => uploadable.includes(c.status);

/** The person's nomination cases at the institution (any status), by case number. */
export async function casesOfPerson(sql: Sql, personId: string, institution?: string): Promise<ApplicantCase[]> {
  const rows = await sql.query<{ doc: string }>(
    `SELECT doc FROM sync_documents WHERE collection = 'cases' AND NOT deleted AND subject_person_id = $1
        AND doc::json->>'type' = 'nomination' AND ($2::text IS NULL OR doc::json->>'institution' = $2)`,
    [personId, institution ?? null],
  );
  return rows.map((row) => storedNominationSchema.parse(JSON.parse(row.doc))).sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
}

/** The actor's own case by id or case number; another person's (or an unknown) case is the same 404. */
export async function ownCase(sql: Sql, actor: Actor, ref: string): Promise<ApplicantCase> {
  const found = (await casesOfPerson(sql, actor.userId, actor.scope.institution)).find((c) => c.id === ref || c.caseNumber === ref);
  if (!found) throw new HttpError(404, 'not-found', 'not-found', 'No such application');
  return found;
}

/** Whether the case is still open (not yet decided or withdrawn). */
export const isOpen = (c: ApplicantCase) => open.includes(c.status);

/** The kinds of document the applicant may upload: what the admission requires and what a case officer asked for. */
export function uploadKinds(c: ApplicantCase): NonNullable<NominationDetails['qualification']>['items'][number]['kind'][] {
  return [...new Set([...c.details.admission.requiredItems, ...(c.details.qualification?.items.map((item) => item.kind) ?? [])])];
}

/** The offers the applicant may pick: the partner's, of the same term, with the application deadline not passed. */
export function choiceOptions(c: ApplicantCase, offers: readonly EducationOffer[], today: string): EducationOffer[] {
  return offers
    .filter((offer) => offer.partnerId === c.cohort && offer.term === c.details.offer.term && offer.admission.deadlines.application >= today)
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The application deadline of the case's own offer (the stored offer's, else the case's deadline). */
export function applicationDeadline(c: ApplicantCase, offers: readonly EducationOffer[]): string | undefined {
  const offer = offers.find((candidate) => candidate.partnerId === c.cohort && candidate.code === c.details.offer.code);
  return offer?.admission.deadlines.application ?? c.deadlines.find((d) => d.kind === 'application')?.due;
}

/** The offers of the cases' partners, read once for several cases. */
export async function offersOfCases(sql: Sql, cases: readonly ApplicantCase[]): Promise<EducationOffer[]> {
  const partners = [...new Set(cases.map((c) => c.cohort))];
  return (await Promise.all(partners.map((partnerId) => storedOffers(sql, { partnerId })))).flat();
}

export function applicationView(c: ApplicantCase, offers: readonly EducationOffer[], uploads: readonly ApplicantUpload[], now: Date): ApplicantApplication {
  const today = dateOf(now);
  const { details } = c;
  const deadline = applicationDeadline(c, offers);
  const options = choiceOptions(c, offers, today);
  const ownOffer = offers.find((offer) => offer.partnerId === c.cohort && offer.code === details.offer.code);
  const maxChoices = ownOffer?.admission.maxChoices ?? 1;
  const beforeDeadline = deadline === undefined || today <= deadline;
  const { savedAt, ...personal } = details.personalData ?? { savedAt: undefined };
  const told = details.nomination.applicant ?? {};
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    offer: { code: details.offer.code, name: details.offer.name, term: details.offer.term },
    partnerName: details.partner.name,
    nominatorName: details.nomination.nominatorName,
    deadlines: { application: deadline, answer: details.offerMade?.answerBy },
    // Until the applicant saves their own, the form starts from what the nominator told.
    personalData: details.personalData
      ? { ...personal, savedAt }
      : { birthDate: told.birthDate, citizenship: told.citizenship, homeInstitution: told.homeInstitution },
    requiredItems: details.admission.requiredItems,
    requestedItems: c.status === 'awaitingDocumentation' ? (details.qualification?.items.map((item) => item.kind) ?? []) : [],
    uploads: [...uploads],
    maxChoices,
    choices: details.application?.choices ?? details.nomination.choices ?? [{ code: details.offer.code, name: details.offer.name }],
    choiceOptions:
      maxChoices > 1
        ? options.map((offer) => ({ code: offer.code, name: offer.name.nb, nameEn: offer.name.en, applicationDeadline: offer.admission.deadlines.application }))
        : [],
    offerMade: details.offerMade && { offer: details.offerMade.offer, answerBy: details.offerMade.answerBy },
    outcome: details.outcome && { result: details.outcome.result, decidedAt: details.outcome.decidedAt, withdrawnBy: details.outcome.withdrawnBy },
    can: {
      edit: c.status === 'nominated',
      upload: takesDocuments(c),
      submit: c.status === 'nominated' && beforeDeadline,
      answer: c.status === 'offered' && (details.offerMade === undefined || today <= details.offerMade.answerBy),
      withdraw: isOpen(c),
    },
  };
}

/** The applicant's applications as the portal lists them. */
export async function applicantApplications(sql: Sql, actor: Actor, now: Date): Promise<ApplicantApplication[]> {
  const cases = await casesOfPerson(sql, actor.userId, actor.scope.institution);
  const offers = await offersOfCases(sql, cases);
  return Promise.all(cases.map(async (c) => applicationView(c, offers, await uploadsOf(sql, c.id), now)));
}
