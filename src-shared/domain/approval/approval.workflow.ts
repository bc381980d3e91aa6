import { z } from 'zod';
import type { Actor } from '../access/roles';
import { appealDeadline } from '../appeal/appeal-deadline';
import { idSchema, isoDate } from '../case/case.schema';
import { dateOf } from '../calendar/iso-date';
import type { Command } from '../workflow/command.schema';
import { deadline, dueIn, eventBase, toPerson } from '../workflow/step-helpers';
import { defineWorkflow, isRefusal, refuse, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import { approvalDetailsSchema, type ApprovalDetails } from './approval-details';
import { approvalStatuses, approvalTerminalStatuses, externalResultSchema, type ApprovalStatus } from './approval.schema';
import { fetchBlockedBy, fetchBlockLabels } from './consent';
import { checkVerdicts, approvedCredits, courseVerdictsSchema, decisionOutcome } from './decision';
import {
  acceptedResults,
  allAnswered,
  fetchesToAccept,
  fetchSourceSchema,
  newFetch,
  openFetch,
  reportedAnswerSchema,
  resultsMatchAcceptances,
  retryDays,
  withAnswers,
  type ResultFetch,
} from './result-fetch';

/**
 * Approval case with result exchange (seed 003): registered → processing (BEHANDLES) → with the
 * student's consent (RESUTVEKSL = J), a case officer orders a fetch → the server runs it, records
 * each institution's answer as it arrives and completes the fetch (back to processing); a source
 * down is asked again the next day → the case officer accepts a fetch's results → decides per
 * course (the decision goes to the student, with the appeal deadline) → closed after the appeal period.
 * startFetch, recordSourceAnswers and completeFetch are server-only steps.
 */
export const approvalEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('startProcessing'), ...eventBase }),
  z.object({ type: z.literal('requestConsent'), ...eventBase }),
  z.object({ type: z.literal('recordConsent'), ...eventBase, answer: z.enum(['J', 'N']), answeredOn: isoDate.optional() }),
  z.object({ type: z.literal('orderResultFetch'), ...eventBase }),
  z.object({ type: z.literal('startFetch'), ...eventBase, fetchId: idSchema, sources: z.array(fetchSourceSchema).min(1).max(100) }),
  z.object({
    type: z.literal('recordSourceAnswers'),
    ...eventBase,
    fetchId: idSchema,
    answers: z.array(reportedAnswerSchema).min(1).max(100),
    results: z.array(externalResultSchema).max(500),
  }),
  z.object({ type: z.literal('completeFetch'), ...eventBase, fetchId: idSchema }),
  z.object({ type: z.literal('acceptFetchedResults'), ...eventBase, fetchId: idSchema }),
  z.object({ type: z.literal('decide'), ...eventBase, courses: courseVerdictsSchema, grounds: z.string().min(1).max(8000) }),
  z.object({ type: z.literal('close'), ...eventBase }),
  z.object({ type: z.literal('withdraw'), ...eventBase, reason: z.string().max(2000) }),
]);
export type ApprovalEvent = z.infer<typeof approvalEventSchema>;
export type ApprovalCase = WorkflowCase<ApprovalStatus, ApprovalDetails>;

const fetchResults = (caseId: string, notBefore?: string): Command => ({
  type: 'callIntegration',
  caseId,
  system: 'fs',
  operation: 'results.fetch',
  ...(notBefore ? { notBefore } : {}),
});

/** The details with one fetch replaced. */
const withFetch = (details: ApprovalDetails, fetch: ResultFetch): ApprovalDetails => ({
  ...details,
  fetches: details.fetches.map((f) => (f.id === fetch.id ? fetch : f)),
});

/** The running fetch the server names, or why it cannot go on. */
function runningFetch(details: ApprovalDetails, fetchId: string) {
  const open = openFetch(details.fetches);
  return open?.id === fetchId ? open : refuse(`Fetch ${fetchId} is not the one running`);
}

export const approvalWorkflow = defineWorkflow<ApprovalStatus, ApprovalDetails, ApprovalEvent>({
  type: 'approval',
  statuses: approvalStatuses,
  terminal: approvalTerminalStatuses,
  // Consent given in the student web before the case was registered comes with it.
  initial: [{ status: 'registered', roles: ['caseOfficer'], ensures: ['application'], allows: ['consent'] }],
  detailsSchema: approvalDetailsSchema,
  eventSchema: approvalEventSchema,
  requiresSubject: true,
  events: {
    startProcessing: {
      label: { nb: 'Start behandling', en: 'Start processing' },
      rules: [{ from: ['registered'], to: 'processing', roles: ['caseOfficer'] }],
      apply: (c, e) => ({
        details: c.details,
        deadlines: [deadline('decision', dueIn(e.at, 42), 'Vedtak i godkjenningssaken')],
        commands: [],
      }),
    },
    orderResultFetch: {
      label: { nb: 'Hent ekstern norsk utdanning', en: 'Fetch external Norwegian results' },
      rules: [{ from: ['processing'], to: 'fetchingResults', roles: ['caseOfficer'] }],
      ensures: ['fetches'],
      precondition: (c) => {
        const blocked = fetchBlockedBy(c.details.consent);
        return blocked ? refuse(fetchBlockLabels[blocked].en) : null;
      },
      apply: (c, e, actor) => ({
        details: { ...c.details, fetches: [...c.details.fetches, newFetch(`fetch-${c.details.fetches.length + 1}`, e.at, actor.userId)] },
        commands: [],
      }),
      commandsFromState: (c) => [fetchResults(c.id)],
    },
    startFetch: {
      label: { nb: 'Henting startet', en: 'Fetch started' },
      serverOnly: true,
      rules: [{ from: ['fetchingResults'], to: 'fetchingResults', roles: [] }],
      sets: ['fetches'],
      apply: (c, e) => {
        const fetch = runningFetch(c.details, e.fetchId);
        if (isRefusal(fetch)) return fetch;
        if (fetch.startedAt) return refuse(`Fetch ${e.fetchId} has already started`);
        return { details: withFetch(c.details, { ...fetch, startedAt: e.at, sources: e.sources }), commands: [] };
      },
    },
    // An answer comes while the fetch runs, or the next day from a source that was down.
    recordSourceAnswers: {
      label: { nb: 'Svar fra institusjon', en: 'Institution answered' },
      serverOnly: true,
      rules: (['fetchingResults', 'processing', 'decided'] as const).map((s) => ({ from: [s], to: s, roles: [] })),
      sets: ['fetches'],
      apply: (c, e) => {
        const fetch = c.details.fetches.find((f) => f.id === e.fetchId);
        if (!fetch) return refuse(`The case has no fetch ${e.fetchId}`);
        const answered = withAnswers(fetch, e.answers, e.results, e.at);
        return isRefusal(answered) ? answered : { details: withFetch(c.details, answered), commands: [] };
      },
      // A source down is asked again the next day: one job per new retry day.
      commandsFromState: (before, after) => {
        const known = new Set(retryDays(before.details.fetches));
        return retryDays(after.details.fetches)
          .filter((day) => !known.has(day))
          .map((day) => fetchResults(after.id, day));
      },
    },
    completeFetch: {
      label: { nb: 'Henting fullført', en: 'Fetch completed' },
      serverOnly: true,
      rules: [{ from: ['fetchingResults'], to: 'processing', roles: [] }],
      sets: ['fetches'],
      apply: (c, e) => {
        const fetch = runningFetch(c.details, e.fetchId);
        if (isRefusal(fetch)) return fetch;
        if (!allAnswered(fetch)) return refuse(`Not every institution has answered fetch ${e.fetchId}`);
        return { details: withFetch(c.details, { ...fetch, completedAt: e.at }), commands: [] };
      },
    },
    acceptFetchedResults: {
      label: { nb: 'Godta hentede resultater', en: 'Accept fetched results' },
      rules: [{ from: ['processing'], to: 'processing', roles: ['caseOfficer'] }],
      sets: ['acceptedFetches', 'externalResults'],
      precondition: (c) => (fetchesToAccept(c.details.fetches, c.details.acceptedFetches).length > 0 ? null : refuse('No fetched results wait to be accepted')),
      postcondition: (c) => (resultsMatchAcceptances(c.details) ? null : refuse('The accepted results must be those of the accepted fetches')),
      apply: (c, e, actor) => {
        if (!fetchesToAccept(c.details.fetches, c.details.acceptedFetches).some((f) => f.id === e.fetchId)) {
          return refuse(`Fetch ${e.fetchId} has no results waiting to be accepted`);
        }
        const acceptedFetches = [...c.details.acceptedFetches, { fetchId: e.fetchId, acceptedAt: e.at, acceptedBy: actor.userId }];
        return { details: { ...c.details, acceptedFetches, externalResults: acceptedResults(c.details.fetches, acceptedFetches) }, commands: [] };
      },
    },
    decide: {
      label: { nb: 'Fatt vedtak', en: 'Decide' },
      makes: 'document',
      rules: [{ from: ['processing'], to: 'decided', roles: ['caseOfficer'] }],
      ensures: ['decision', 'decisionDelivery'],
      apply: (c, e) => {
        const misfit = checkVerdicts(e.courses, c.details.externalResults);
        if (misfit) return misfit;
        const receivedOn = dateOf(e.at);
        const due = appealDeadline(receivedOn);
        return {
          details: {
            ...c.details,
            decision: {
              decidedAt: e.at,
              outcome: decisionOutcome(e.courses),
              approvedCredits: approvedCredits(e.courses),
              grounds: e.grounds,
              courses: e.courses,
            },
            decisionDelivery: { sentAt: e.at, receivedOn, appealDeadline: due },
          },
          deadlines: [deadline('appeal', due, 'Klagefrist')],
          commands: [
            { type: 'renderDocument', caseId: c.id, document: 'decision', template: 'approval.decision' },
            { type: 'archive', caseId: c.id, document: 'decision', folder: 'student' },
          ],
        };
      },
      // The decision letter (PDF) by e-mail, sent from the laptop through the server's letters endpoint.
      commandsFromState: (c) => [
        { type: 'notify', caseId: c.id, to: toPerson(c.subjectPersonId), copyTo: [], template: 'approval.decision', letter: 'decision' },
      ],
    },
    close: {
      label: { nb: 'Avslutt', en: 'Close' },
      rules: [{ from: ['decided'], to: 'closed', roles: ['caseOfficer'] }],
      ensures: ['closedAt'],
      postcondition: (c) => {
        const due = c.details.decisionDelivery?.appealDeadline;
        return due && c.details.closedAt && dateOf(c.details.closedAt) <= due ? refuse(`The appeal period runs until ${due}; close the case after that`) : null;
      },
      apply: (c, e) => ({ details: { ...c.details, closedAt: e.at }, commands: [] }),
    },
    requestConsent: {
      label: { nb: 'Be om samtykke', en: 'Request consent' },
      rules: [{ from: ['processing'], to: 'awaitingConsent', roles: ['caseOfficer'] }],
      ensures: ['consentRequestedAt'],
      precondition: (c) => (c.details.consent?.answer === 'J' ? refuse('The student has already consented to result exchange') : null),
      apply: (c, e) => ({
        details: { ...c.details, consentRequestedAt: e.at },
        deadlines: [...c.deadlines, deadline('consent', dueIn(e.at, 14), 'Samtykke til resultatutveksling')],
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toPerson(c.subjectPersonId), copyTo: [], template: 'approval.consentRequest' }],
    },
    recordConsent: {
      label: { nb: 'Registrer samtykke', en: 'Record consent' },
      rules: [{ from: ['awaitingConsent'], to: 'processing', roles: ['student', 'caseOfficer'] }],
      ensures: ['consent'],
      apply: (c, e, actor) => ({
        details: {
          ...c.details,
          consent: {
            type: 'RESUTVEKSL',
            answeredOn: e.answeredOn ?? dateOf(e.at),
            answer: e.answer,
            recordedAt: e.at,
            recordedBy: actor.userId,
            source: actor.userId === c.subjectPersonId ? 'studentweb' : 'caseOfficer',
          },
        },
        deadlines: c.deadlines.filter((d) => d.kind !== 'consent'),
        commands: [],
      }),
    },
    withdraw: {
      label: { nb: 'Trekk saken', en: 'Withdraw' },
      rules: [{ from: ['registered', 'processing', 'awaitingConsent', 'fetchingResults'], to: 'withdrawn', roles: ['student', 'caseOfficer'] }],
      ensures: ['withdrawal'],
      apply: (c, e) => ({ details: { ...c.details, withdrawal: { withdrawnAt: e.at, reason: e.reason } }, commands: [] }),
    },
  },
});

export function transition(state: ApprovalCase, event: ApprovalEvent, actor: Actor): TransitionResult<ApprovalCase> {
  return approvalWorkflow.transition(state, event, actor);
}
