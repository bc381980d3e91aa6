import { z } from 'zod';
import type { Actor } from '../access/roles';
import { isoDate } from '../case/case.schema';
import { dateOf } from '../calendar/iso-date';
import { deadline, dueIn, eventBase, toPerson, toRole } from '../workflow/step-helpers';
import type { Command } from '../workflow/command.schema';
import { defineWorkflow, refuse, type Refusal, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import { admissionRoute, type AdmissionStep } from './admission-mode';
import { assessmentValuesSchema } from './assessment';
import {
  applicantPersonalDataSchema,
  nominationDetailsSchema,
  nominationStatuses,
  nominationTerminalStatuses,
  offerRefSchema,
  qualificationItemKinds,
  type NominationDetails,
  type NominationStatus,
} from './nomination.schema';
import { recordedRankingSchema } from './ranking-record';

/**
 * Nomination admission (seed 002): a partner's nominator nominates an applicant (staff may do it
 * on the partner's behalf, recorded in `nomination.onBehalfOf`) → the applicant completes the
 * application → where the admission's set-up sends it (admission-mode.ts): screening first, where
 * required (a case officer reviews, may ask for documentation, may reject), then the pro forma
 * mode's path: study right at once, a direct offer to accept or decline, or qualified and ranked
 * (a ranking run records its result on each case; an offer only where the result gives one, else
 * not reached). Applicant and nominator both hear the outcome; either may withdraw while the case is open.
 */
export const nominationEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('savePersonalData'), ...eventBase, personal: applicantPersonalDataSchema }),
  z.object({ type: z.literal('submitApplication'), ...eventBase, choices: z.array(offerRefSchema).min(1).max(10) }),
  z.object({ type: z.literal('startReview'), ...eventBase }),
  z.object({ type: z.literal('assess'), ...eventBase, assessment: assessmentValuesSchema }),
  z.object({
    type: z.literal('requestDocumentation'),
    ...eventBase,
    items: z.array(z.enum(qualificationItemKinds)).min(1).max(qualificationItemKinds.length),
  }),
  z.object({ type: z.literal('receiveDocumentation'), ...eventBase }),
  z.object({ type: z.literal('qualify'), ...eventBase }),
  z.object({ type: z.literal('rank'), ...eventBase, ranking: recordedRankingSchema }),
  z.object({ type: z.literal('makeOffer'), ...eventBase, answerBy: isoDate }),
  z.object({ type: z.literal('markNotReached'), ...eventBase }),
  z.object({ type: z.literal('grantStudyRight'), ...eventBase }),
  z.object({ type: z.literal('acceptOffer'), ...eventBase }),
  z.object({ type: z.literal('declineOffer'), ...eventBase }),
  z.object({ type: z.literal('reject'), ...eventBase, reason: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('withdraw'), ...eventBase, reason: z.string().max(2000) }),
]);
export type NominationEvent = z.infer<typeof nominationEventSchema>;
export type NominationCase = WorkflowCase<NominationStatus, NominationDetails>;

type Result = NonNullable<NominationDetails['outcome']>['result'];

const applicant = (c: NominationCase) => toPerson(c.subjectPersonId);

/** Applicant and nominator both hear the outcome. */
function tellBoth(c: NominationCase, template: string): Command {
  return { type: 'notify', caseId: c.id, to: applicant(c), copyTo: [toRole('nominator')], template };
}

/** Admitted: study right in FS, and applicant and nominator hear it. */
function admitted(c: NominationCase): Command[] {
  return [{ type: 'callIntegration', caseId: c.id, system: 'fs', operation: 'studyRight.grant' }, tellBoth(c, 'nomination.admitted')];
}

function outcome(c: NominationCase, at: string, result: Result, reason = ''): NominationDetails {
  return { ...c.details, outcome: { decidedAt: at, result, reason } };
}

/**
 * Where the admission's set-up sends the case now, by the one rule in admission-mode.ts. A case
 * under review counts as screened and qualified when the officer takes the next step; a qualified
 * case has passed (or needed no) screening.
 */
function routeOf(c: NominationCase) {
  const screenedQualified = c.status === 'underReview' || c.status === 'qualified';
  return admissionRoute(c.details.admission, { id: c.id, qualification: c.details.qualification, screenedQualified });
}

const otherStep: Record<AdmissionStep, (missing: string[]) => string> = {
  screen: (missing) => `The application must be screened first${missing.length > 0 ? ` (not approved: ${missing.join(', ')})` : ''}`,
  grantStudyRight: () => 'The admission grants study right at once',
  makeOffer: () => 'The admission makes a direct offer',
  rank: () => 'The admission ranks its applications: qualify and rank them first',
};

/** Refuses unless the admission's set-up takes the case to `step` now. */
function requireStep(c: NominationCase, step: AdmissionStep): Refusal | null {
  const route = routeOf(c);
  return route.step === step ? null : refuse(otherStep[route.step](route.missingItems));
}

/** The offer the case may be given: the recorded ranking's (null: not reached), or else the first choice (a direct offer). */
function offerDue(c: NominationCase): { code: string; name: string } | null {
  const choices = c.details.application?.choices ?? [c.details.offer];
  if (!c.details.ranking) return choices[0]!;
  const code = c.details.ranking.offered;
  return code === null ? null : (choices.find((choice) => choice.code === code) ?? { code, name: code });
}

/** Refuses unless the case's recorded ranking gives it an offer (`offered`), or none (not reached). */
function requireRanking(c: NominationCase, offered: boolean): Refusal | null {
  const ranking = c.details.ranking;
  if (!ranking) return refuse('The application has not been ranked yet');
  if ((ranking.offered !== null) === offered) return null;
  return refuse(
    ranking.offered === null ? 'The ranking gives the application no offer: it is not reached at any choice' : `The ranking offers ${ranking.offered}`,
  );
}

/** The recorded ranking places the application at each of its choices, in priority order. */
function rankingFitsChoices(c: NominationCase): Refusal | null {
  const ranking = c.details.ranking;
  if (!ranking) return null;
  const choices = (c.details.application?.choices ?? []).map((choice) => choice.code);
  const ranked = ranking.positions.map((at) => at.offer);
  const inOrder = ranking.positions.every((at, i) => at.priority === i + 1);
  return inOrder && ranked.join('\n') === choices.join('\n')
    ? null
    : refuse(`The ranking is for the choices ${ranked.join(', ')}, the application has ${choices.join(', ')}`);
}

/** While the case officer may (re)assess an application: from submission until it is ranked or decided. */
const assessable = ['submitted', 'underReview', 'awaitingDocumentation', 'qualified'] as const satisfies readonly NominationStatus[];

const open: NominationStatus[] = ['nominated', 'submitted', 'underReview', 'awaitingDocumentation', 'qualified', 'offered'];

export const nominationWorkflow = defineWorkflow<NominationStatus, NominationDetails, NominationEvent>({
  type: 'nomination',
  statuses: nominationStatuses,
  terminal: nominationTerminalStatuses,
  initial: [
    {
      status: 'nominated',
      roles: ['nominator'],
      ensures: ['nomination'],
      check: (c, actor) =>
        c.details.nomination.nominatedBy === actor.userId && c.details.partner.id === c.cohort && !c.details.nomination.onBehalfOf
          ? null
          : refuse("A nominator nominates in their own name, for their own partner (the case's cohort field)"),
    },
    {
      // Registering for a partner is allowed only with a record of who did it for whom, and why.
      status: 'nominated',
      roles: ['caseOfficer'],
      ensures: ['nomination.onBehalfOf'],
      check: (c, actor) =>
        c.details.nomination.onBehalfOf?.registeredBy === actor.userId && c.details.partner.id === c.cohort
          ? null
          : refuse('A nomination registered for a partner must name the staff member who registered it'),
    },
  ],
  detailsSchema: nominationDetailsSchema,
  eventSchema: nominationEventSchema,
  requiresSubject: true,
  events: {
    savePersonalData: {
      label: { nb: 'Lagre personopplysninger', en: 'Save personal data' },
      rules: [{ from: ['nominated'], to: 'nominated', roles: ['applicant'] }],
      ensures: ['personalData'],
      apply: (c, e) => ({ details: { ...c.details, personalData: { ...e.personal, savedAt: e.at } }, commands: [] }),
    },
    submitApplication: {
      label: { nb: 'Lever søknad', en: 'Submit the application' },
      rules: [{ from: ['nominated'], to: 'submitted', roles: ['applicant'] }],
      ensures: ['application'],
      apply: (c, e) => ({
        details: { ...c.details, application: { submittedAt: e.at, choices: e.choices } },
        deadlines: [deadline('review', dueIn(e.at, 14), 'Behandle søknaden')],
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'callIntegration', caseId: c.id, system: 'fs', operation: 'application.register' }],
    },
    startReview: {
      label: { nb: 'Start vurdering', en: 'Start the review' },
      rules: [{ from: ['submitted'], to: 'underReview', roles: ['caseOfficer'] }],
      ensures: ['review'],
      apply: (c, e, actor) => ({
        details: { ...c.details, review: { startedAt: e.at, reviewerId: actor.userId } },
        commands: [],
      }),
    },
    assess: {
      // Grades and scores the ranking ranks by; kept up to date until the case is ranked and offered.
      label: { nb: 'Registrer vurdering', en: 'Record the assessment' },
      rules: assessable.map((status) => ({ from: [status], to: status, roles: ['caseOfficer'] })),
      ensures: ['assessment'],
      apply: (c, e, actor) => ({ details: { ...c.details, assessment: { ...e.assessment, assessedAt: e.at, assessedBy: actor.userId } }, commands: [] }),
    },
    qualify: {
      label: { nb: 'Kvalifiser', en: 'Qualify' },
      rules: [{ from: ['submitted', 'underReview'], to: 'qualified', roles: ['caseOfficer'] }],
      precondition: (c) => requireStep(c, 'rank'),
      apply: (c) => ({ details: c.details, commands: [] }),
    },
    rank: {
      // The result of a ranking run (rankApplications) over the admission's qualified applications.
      label: { nb: 'Registrer rangering', en: 'Record the ranking' },
      rules: [{ from: ['qualified'], to: 'qualified', roles: ['caseOfficer'] }],
      ensures: ['ranking'],
      postcondition: rankingFitsChoices,
      apply: (c, e) => ({ details: { ...c.details, ranking: e.ranking }, commands: [] }),
    },
    makeOffer: {
      label: { nb: 'Gi tilbud', en: 'Make an offer' },
      rules: [{ from: ['submitted', 'underReview', 'qualified'], to: 'offered', roles: ['caseOfficer'] }],
      ensures: ['offerMade'],
      precondition: (c) => (c.status === 'qualified' ? requireRanking(c, true) : requireStep(c, 'makeOffer')),
      postcondition: (c) => {
        const made = c.details.offerMade;
        if (!made) return null;
        const due = offerDue(c)?.code;
        if (made.offer.code !== due) return refuse(`The offer must be ${due ?? 'none'}, not ${made.offer.code}`);
        return made.answerBy < dateOf(made.offeredAt) ? refuse('The answer deadline is before the offer') : null;
      },
      apply: (c, e) => {
        const offer = offerDue(c);
        if (!offer) return refuse('The ranking gives the application no offer');
        return {
          details: { ...c.details, offerMade: { offeredAt: e.at, answerBy: e.answerBy, offer } },
          deadlines: [deadline('answer', e.answerBy, 'Svarfrist på tilbud')],
          commands: [],
        };
      },
      commandsFromState: (c) => [tellBoth(c, 'nomination.offer')],
    },
    acceptOffer: {
      label: { nb: 'Takk ja', en: 'Accept the offer' },
      rules: [{ from: ['offered'], to: 'admitted', roles: ['applicant'] }],
      ensures: ['outcome'],
      apply: (c, e) => ({
        details: outcome(c, e.at, 'admitted'),
        commands: [],
      }),
      commandsFromState: admitted,
    },
    requestDocumentation: {
      label: { nb: 'Be om dokumentasjon', en: 'Request documentation' },
      rules: [{ from: ['underReview'], to: 'awaitingDocumentation', roles: ['caseOfficer'] }],
      ensures: ['qualification'],
      apply: (c, e) => ({
        details: {
          ...c.details,
          qualification: { requestedAt: e.at, items: e.items.map((kind) => ({ kind, status: 'missing' as const })) },
        },
        deadlines: [deadline('documentation', dueIn(e.at, 14), 'Frist for dokumentasjon')],
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: applicant(c), copyTo: [], template: 'nomination.documentationRequest' }],
    },
    receiveDocumentation: {
      label: { nb: 'Dokumentasjon mottatt', en: 'Documentation received' },
      rules: [{ from: ['awaitingDocumentation'], to: 'underReview', roles: ['applicant', 'caseOfficer'] }],
      sets: ['qualification.items'],
      apply: (c, e) => {
        const requested = c.details.qualification;
        if (!requested) return refuse('No documentation was requested');
        return {
          details: {
            ...c.details,
            qualification: { ...requested, items: requested.items.map((item) => ({ ...item, status: 'received' as const })) },
          },
          deadlines: [deadline('review', dueIn(e.at, 7), 'Vurdere dokumentasjonen')],
          commands: [],
        };
      },
    },
    grantStudyRight: {
      label: { nb: 'Tildel studierett', en: 'Grant study right' },
      rules: [{ from: ['submitted', 'underReview'], to: 'admitted', roles: ['caseOfficer'] }],
      ensures: ['outcome'],
      precondition: (c) => requireStep(c, 'grantStudyRight'),
      apply: (c, e) => ({
        details: outcome(c, e.at, 'admitted'),
        commands: [],
      }),
      commandsFromState: admitted,
    },
    markNotReached: {
      label: { nb: 'Nådde ikke opp', en: 'Not reached' },
      rules: [{ from: ['qualified'], to: 'notOffered', roles: ['caseOfficer'] }],
      ensures: ['outcome'],
      precondition: (c) => requireRanking(c, false),
      apply: (c, e) => ({ details: outcome(c, e.at, 'notOffered'), commands: [] }),
      commandsFromState: (c) => [tellBoth(c, 'nomination.notReached')],
    },
    declineOffer: {
      label: { nb: 'Takk nei', en: 'Decline the offer' },
      rules: [{ from: ['offered'], to: 'declined', roles: ['applicant'] }],
      ensures: ['outcome'],
      apply: (c, e) => ({ details: outcome(c, e.at, 'declined'), commands: [] }),
      commandsFromState: (c) => [tellBoth(c, 'nomination.declined')],
    },
    reject: {
      label: { nb: 'Avslå', en: 'Reject' },
      rules: [{ from: ['underReview'], to: 'rejected', roles: ['caseOfficer'] }],
      ensures: ['outcome'],
      apply: (c, e) => ({ details: outcome(c, e.at, 'rejected', e.reason), commands: [] }),
      commandsFromState: (c) => [tellBoth(c, 'nomination.rejected')],
    },
    withdraw: {
      label: { nb: 'Trekk søknaden', en: 'Withdraw' },
      rules: [{ from: open, to: 'withdrawn', roles: ['applicant', 'nominator'] }],
      ensures: ['outcome'],
      apply: (c, e, actor) => {
        const byApplicant = actor.roles.includes('applicant') && actor.userId === c.subjectPersonId;
        return {
          details: {
            ...c.details,
            outcome: { decidedAt: e.at, result: 'withdrawn', reason: e.reason, withdrawnBy: byApplicant ? 'applicant' : 'nominator' },
          },
          commands: [],
        };
      },
      commandsFromState: (c) => [
        tellBoth(c, 'nomination.withdrawn'),
        { type: 'notify', caseId: c.id, to: toRole('caseOfficer'), copyTo: [], template: 'nomination.withdrawn' },
      ],
    },
  },
});

export function transition(state: NominationCase, event: NominationEvent, actor: Actor): TransitionResult<NominationCase> {
  return nominationWorkflow.transition(state, event, actor);
}
