import { z } from 'zod';
import type { Actor } from '../access/roles';
import { isoDate } from '../case/case.schema';
import { dateOf } from '../calendar/iso-date';
import { deadline, dueIn, eventBase, toPerson, toRole } from '../workflow/step-helpers';
import type { Command } from '../workflow/command.schema';
import { defineWorkflow, refuse, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import {
  nominationDetailsSchema,
  nominationStatuses,
  nominationTerminalStatuses,
  qualificationItemKinds,
  type NominationDetails,
  type NominationStatus,
} from './nomination.schema';

/**
 * Nomination admission (seed 002): a partner's nominator nominates an applicant (staff may do it
 * on the partner's behalf, recorded in `nomination.onBehalfOf`) → the applicant completes the
 * application → pro forma: study right at once, or an offer to accept or decline; screening: a
 * case officer reviews, may ask for documentation (passport, language, results), qualifies and
 * ranks → offer within capacity, or not reached, or rejected. Applicant and nominator both hear the
 * outcome; either may withdraw while the case is open.
 */
const choiceSchema = z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(200) });

export const nominationEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submitApplication'), ...eventBase, choices: z.array(choiceSchema).min(1).max(10) }),
  z.object({ type: z.literal('startReview'), ...eventBase }),
  z.object({
    type: z.literal('requestDocumentation'),
    ...eventBase,
    items: z.array(z.enum(qualificationItemKinds)).min(1).max(qualificationItemKinds.length),
  }),
  z.object({ type: z.literal('receiveDocumentation'), ...eventBase }),
  z.object({
    type: z.literal('qualify'),
    ...eventBase,
    position: z.number().int().min(1).max(100_000),
    capacity: z.number().int().min(0).max(100_000),
    gradeAverage: z.number().min(0).max(100).optional(),
  }),
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

const rankedBelowCapacity = (c: NominationCase) => c.details.ranking !== undefined && c.details.ranking.position > c.details.ranking.capacity;

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
    qualify: {
      label: { nb: 'Kvalifiser og ranger', en: 'Qualify and rank' },
      rules: [{ from: ['submitted', 'underReview'], to: 'qualified', roles: ['caseOfficer'] }],
      ensures: ['ranking'],
      apply: (c, e) => ({
        details: {
          ...c.details,
          ranking: { rankedAt: e.at, position: e.position, capacity: e.capacity, gradeAverage: e.gradeAverage },
        },
        commands: [],
      }),
    },
    makeOffer: {
      label: { nb: 'Gi tilbud', en: 'Make an offer' },
      rules: [{ from: ['submitted', 'underReview', 'qualified'], to: 'offered', roles: ['caseOfficer'] }],
      ensures: ['offerMade'],
      precondition: (c) => (c.status === 'qualified' && rankedBelowCapacity(c) ? refuse('The applicant is ranked outside the capacity') : null),
      postcondition: (c) =>
        c.details.offerMade && c.details.offerMade.answerBy < dateOf(c.details.offerMade.offeredAt) ? refuse('The answer deadline is before the offer') : null,
      apply: (c, e) => ({
        details: { ...c.details, offerMade: { offeredAt: e.at, answerBy: e.answerBy } },
        deadlines: [deadline('answer', e.answerBy, 'Svarfrist på tilbud')],
        commands: [],
      }),
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
      precondition: (c) =>
        c.status === 'submitted' && c.details.admissionKind !== 'proForma'
          ? refuse('A screening admission must be reviewed before study right is granted')
          : null,
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
      precondition: (c) => (rankedBelowCapacity(c) ? null : refuse('The applicant is ranked within the capacity')),
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
