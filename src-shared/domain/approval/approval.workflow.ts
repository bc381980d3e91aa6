import { z } from 'zod';
import type { Actor } from '../access/roles';
import { appealDeadline } from '../appeal/appeal-deadline';
import { dateOf } from '../calendar/iso-date';
import { deadline, dueIn, eventBase, toPerson } from '../workflow/step-helpers';
import { defineWorkflow, refuse, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import {
  approvalDetailsSchema,
  approvalStatuses,
  approvalTerminalStatuses,
  externalResultSchema,
  resultFetchSchema,
  type ApprovalDetails,
  type ApprovalStatus,
  type ExternalResult,
} from './approval.schema';

/**
 * Approval case with result exchange (seed 003): registered → processing (BEHANDLES) → with the
 * student's consent, a case officer orders a fetch of passed results from every institution that
 * shares them → the fetch report (per institution: imported, or why not) comes back → decided
 * (the decision goes to the student, with the appeal deadline) → closed after the appeal period.
 */
export const approvalEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('startProcessing'), ...eventBase }),
  z.object({ type: z.literal('requestConsent'), ...eventBase }),
  z.object({ type: z.literal('recordConsent'), ...eventBase, given: z.boolean() }),
  z.object({ type: z.literal('orderResultFetch'), ...eventBase }),
  z.object({
    type: z.literal('recordFetchResult'),
    ...eventBase,
    institutions: resultFetchSchema.shape.institutions,
    results: z.array(externalResultSchema).max(500),
  }),
  z.object({
    type: z.literal('decide'),
    ...eventBase,
    outcome: z.enum(['approved', 'partlyApproved', 'rejected']),
    approvedCredits: z.number().min(0).max(600),
    grounds: z.string().min(1).max(8000),
  }),
  z.object({ type: z.literal('close'), ...eventBase }),
  z.object({ type: z.literal('withdraw'), ...eventBase, reason: z.string().max(2000) }),
]);
export type ApprovalEvent = z.infer<typeof approvalEventSchema>;
export type ApprovalCase = WorkflowCase<ApprovalStatus, ApprovalDetails>;

const resultKey = (r: ExternalResult) => `${r.institutionCode}|${r.category}|${r.code}|${r.term}`;

/** A later fetch replaces what it fetched again (new or improved results) and keeps the rest. */
function mergeResults(known: readonly ExternalResult[], fetched: readonly ExternalResult[]): ExternalResult[] {
  const byKey = new Map(known.map((r) => [resultKey(r), r]));
  for (const result of fetched) byKey.set(resultKey(result), result);
  return [...byKey.values()];
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
      precondition: (c) => (c.details.consent?.given ? null : refuse('The student has not consented to result exchange')),
      apply: (c, e) => ({
        details: { ...c.details, fetches: [...c.details.fetches, { orderedAt: e.at, institutions: [] }] },
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'callIntegration', caseId: c.id, system: 'fs', operation: 'results.fetch' }],
    },
    recordFetchResult: {
      label: { nb: 'Registrer henteresultat', en: 'Record the fetch result' },
      rules: [{ from: ['fetchingResults'], to: 'processing', roles: ['caseOfficer'] }],
      sets: ['fetches', 'externalResults'],
      apply: (c, e) => {
        const current = c.details.fetches.at(-1);
        if (!current) return refuse('No fetch was ordered');
        const retryOn = dueIn(e.at, 1);
        const institutions = e.institutions.map((i) => (i.outcome === 'sourceUnavailable' ? { ...i, retryOn } : i));
        return {
          details: {
            ...c.details,
            fetches: [...c.details.fetches.slice(0, -1), { ...current, completedAt: e.at, institutions }],
            externalResults: mergeResults(c.details.externalResults, e.results),
          },
          commands: [],
        };
      },
      // A source that was unavailable is asked again on the day the fetch records for it.
      commandsFromState: (c, after) => {
        const retryOn = after.details.fetches.at(-1)?.institutions.find((i) => i.retryOn)?.retryOn;
        return retryOn ? [{ type: 'callIntegration', caseId: c.id, system: 'fs', operation: 'results.fetch', notBefore: retryOn }] : [];
      },
    },
    decide: {
      label: { nb: 'Fatt vedtak', en: 'Decide' },
      makes: 'document',
      rules: [{ from: ['processing'], to: 'decided', roles: ['caseOfficer'] }],
      ensures: ['decision', 'decisionDelivery'],
      apply: (c, e) => {
        const receivedOn = dateOf(e.at);
        const due = appealDeadline(receivedOn);
        return {
          details: {
            ...c.details,
            decision: { decidedAt: e.at, outcome: e.outcome, approvedCredits: e.approvedCredits, grounds: e.grounds },
            decisionDelivery: { sentAt: e.at, receivedOn, appealDeadline: due },
          },
          deadlines: [deadline('appeal', due, 'Klagefrist')],
          commands: [
            { type: 'renderDocument', caseId: c.id, document: 'decision', template: 'approval.decision' },
            { type: 'archive', caseId: c.id, document: 'decision', folder: 'student' },
          ],
        };
      },
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toPerson(c.subjectPersonId), copyTo: [], template: 'approval.decision' }],
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
          consent: { given: e.given, recordedAt: e.at, source: actor.userId === c.subjectPersonId ? 'studentweb' : 'caseOfficer' },
        },
        deadlines: c.deadlines.filter((d) => d.kind !== 'consent'),
        commands: [],
      }),
    },
    withdraw: {
      label: { nb: 'Trekk saken', en: 'Withdraw' },
      rules: [{ from: ['registered', 'processing', 'awaitingConsent'], to: 'withdrawn', roles: ['student', 'caseOfficer'] }],
      ensures: ['withdrawal'],
      apply: (c, e) => ({ details: { ...c.details, withdrawal: { withdrawnAt: e.at, reason: e.reason } }, commands: [] }),
    },
  },
});

export function transition(state: ApprovalCase, event: ApprovalEvent, actor: Actor): TransitionResult<ApprovalCase> {
  return approvalWorkflow.transition(state, event, actor);
}
