import { z } from 'zod';
import type { Actor } from '../access/roles';
import { appealDeadline } from '../appeal/appeal-deadline';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';
import { dateOf } from '../calendar/iso-date';
import { deadline, dueIn, eventBase, toPerson, toRole, toUser } from '../workflow/step-helpers';
import { defineWorkflow, refuse, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import {
  decisionOutcomes,
  followUpDetailsSchema,
  followUpStatuses,
  followUpTerminalStatuses,
  signatureRecordSchema,
  summonsSchema,
  type ConcernReport,
  type FollowUpDetails,
  type FollowUpStatus,
} from './follow-up.schema';

/**
 * Follow-up of a student at risk of losing student status (seed 001, domain.md §1):
 * a teacher reports a concern → the cohort coordinator opens the case (or joins the report into
 * the student's open case) → summons the student → holds the conversation → drafts the protocol
 * → the student and the coordinator sign it → it goes to the head of department with a copy to
 * the student → the head of department calls the rector and the coordinator to a meeting →
 * decision (enkeltvedtak) or closure without one → the decision is archived on the student's
 * folder → sent to the student with a copy to the rector → closed once the appeal period is over.
 */
export const followUpEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('open'), ...eventBase }),
  z.object({ type: z.literal('merge'), ...eventBase, intoCaseId: idSchema }),
  z.object({ type: z.literal('summon'), ...eventBase, ...summonsSchema.omit({ sentAt: true }).shape }),
  z.object({ type: z.literal('recordNoShow'), ...eventBase }),
  z.object({
    type: z.literal('holdConversation'),
    ...eventBase,
    participants: z.array(z.string().min(1).max(200)).max(20),
    noteIds: z.array(idSchema).max(500),
  }),
  z.object({
    type: z.literal('draftProtocol'),
    ...eventBase,
    documentId: idSchema,
    summary: z.string().min(1).max(4000),
  }),
  z.object({
    type: z.literal('signAsStudent'),
    ...eventBase,
    signerName: signatureRecordSchema.shape.signerName,
    method: signatureRecordSchema.shape.method,
  }),
  z.object({ type: z.literal('signAsCoordinator'), ...eventBase }),
  z.object({ type: z.literal('sendProtocol'), ...eventBase }),
  z.object({
    type: z.literal('callMeeting'),
    ...eventBase,
    meetingAt: isoTimestamp,
    location: z.string().min(1).max(500),
    /** The rector and the cohort coordinator (user ids). */
    participantIds: z.array(idSchema).min(1).max(20),
  }),
  z.object({
    type: z.literal('decide'),
    ...eventBase,
    outcome: z.enum(decisionOutcomes),
    legalBasis: z.string().min(1).max(1000),
    facts: z.string().min(1).max(8000),
    considerations: z.string().min(1).max(8000),
    documentId: idSchema,
  }),
  z.object({ type: z.literal('reviewWithRector'), ...eventBase, recommendsDecision: z.boolean(), comment: z.string().max(2000) }),
  z.object({ type: z.literal('closeWithoutDecision'), ...eventBase, reason: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('archiveDecision'), ...eventBase, reference: z.string().min(1).max(100) }),
  z.object({
    type: z.literal('sendDecision'),
    ...eventBase,
    /** When the student received the decision; defaults to the day it was sent (digital delivery). */
    receivedOn: isoDate.optional(),
  }),
  z.object({ type: z.literal('close'), ...eventBase }),
]);
export type FollowUpEvent = z.infer<typeof followUpEventSchema>;
export type FollowUpCase = WorkflowCase<FollowUpStatus, FollowUpDetails>;

function withoutSummons(details: FollowUpDetails): FollowUpDetails {
  const { summons: _dropped, ...rest } = details;
  return rest;
}

const student = (c: FollowUpCase) => toPerson(c.subjectPersonId);
const withActor = (assignees: string[], actor: Actor) => (assignees.includes(actor.userId) ? assignees : [...assignees, actor.userId]);

export const followUpWorkflow = defineWorkflow<FollowUpStatus, FollowUpDetails, FollowUpEvent>({
  type: 'followUp',
  statuses: followUpStatuses,
  terminal: followUpTerminalStatuses,
  initial: [
    {
      status: 'reported',
      roles: ['teacher'],
      ensures: ['reports'],
      check: (c, actor) =>
        c.details.reports.every((report) => report.reportedBy === actor.userId) ? null : refuse('A teacher reports concerns in their own name'),
    },
    // The coordinator may open a case from their own overview of absence and coursework.
    { status: 'open', roles: ['cohortCoordinator'] },
  ],
  detailsSchema: followUpDetailsSchema,
  eventSchema: followUpEventSchema,
  requiresSubject: true,
  events: {
    open: {
      label: { nb: 'Åpne sak', en: 'Open case' },
      rules: [{ from: ['reported'], to: 'open', roles: ['cohortCoordinator'] }],
      assignsActor: true,
      apply: (c, e, actor) => ({
        details: c.details,
        assignees: withActor(c.assignees, actor),
        deadlines: [deadline('summons', dueIn(e.at, 7), 'Kalle inn studenten')],
        commands: [
          { type: 'createTask', caseId: c.id, title: 'Kall inn studenten til oppfølgingssamtale', assignee: toUser(actor.userId), due: dueIn(e.at, 7) },
        ],
      }),
    },
    summon: {
      label: { nb: 'Kall inn studenten', en: 'Summon the student' },
      makes: 'document',
      rules: [{ from: ['open'], to: 'summoned', roles: ['cohortCoordinator'] }],
      ensures: ['summons'],
      postcondition: (c) =>
        c.details.summons && c.details.summons.meetingAt <= c.details.summons.sentAt ? refuse('The conversation must be after the summons is sent') : null,
      apply: (c, e, actor) => ({
        details: {
          ...c.details,
          summons: { meetingAt: e.meetingAt, mode: e.mode, location: e.location, reason: e.reason, sentAt: e.at },
        },
        deadlines: [deadline('conversation', dateOf(e.meetingAt), 'Oppfølgingssamtale')],
        commands: [
          { type: 'renderDocument', caseId: c.id, document: 'summons', template: 'followUp.summons' },
          { type: 'createTask', caseId: c.id, title: 'Gjennomfør oppfølgingssamtalen', assignee: toUser(actor.userId), due: dateOf(e.meetingAt) },
        ],
      }),
      // Letters are addressed from the case alone, so the server reads who gets them from here too.
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: student(c), copyTo: [], template: 'followUp.summons', letter: 'summons' }],
    },
    holdConversation: {
      label: { nb: 'Registrer gjennomført samtale', en: 'Record the conversation' },
      rules: [{ from: ['summoned'], to: 'conversationHeld', roles: ['cohortCoordinator'] }],
      ensures: ['conversation'],
      apply: (c, e) => ({
        details: {
          ...c.details,
          conversation: { heldAt: e.at, studentAttended: true, participants: e.participants, noteIds: e.noteIds },
        },
        deadlines: [deadline('protocol', dueIn(e.at, 7), 'Utarbeide protokoll')],
        commands: [],
      }),
    },
    draftProtocol: {
      label: { nb: 'Utarbeid protokoll', en: 'Draft the protocol' },
      makes: 'document',
      rules: [{ from: ['conversationHeld'], to: 'protocolDrafted', roles: ['cohortCoordinator'] }],
      ensures: ['protocol'],
      apply: (c, e) => ({
        details: { ...c.details, protocol: { draftedAt: e.at, documentId: e.documentId, summary: e.summary } },
        deadlines: [deadline('signature', dueIn(e.at, 7), 'Signering av protokoll')],
        commands: [
          { type: 'renderDocument', caseId: c.id, document: 'protocol', template: 'followUp.protocol' },
          { type: 'requestSignature', caseId: c.id, document: 'protocol', signer: student(c), method: 'onScreen' },
        ],
      }),
    },
    signAsStudent: {
      label: { nb: 'Studenten signerer', en: 'Student signs' },
      makes: 'signature',
      // The student signs on the coordinator's screen, or with their own certificate when logged in.
      rules: [{ from: ['protocolDrafted'], to: 'signedByStudent', roles: ['cohortCoordinator', 'student'] }],
      ensures: ['protocol.studentSignature'],
      apply: (c, e, actor) => {
        if (!c.details.protocol) return refuse('There is no protocol to sign');
        const signerName = actor.roles.includes('student') && actor.userId === c.subjectPersonId ? actor.name : e.signerName;
        return {
          details: {
            ...c.details,
            protocol: { ...c.details.protocol, studentSignature: { signedAt: e.at, signerName, method: e.method } },
          },
          commands: [{ type: 'requestSignature', caseId: c.id, document: 'protocol', signer: toRole('cohortCoordinator'), method: 'pades' }],
        };
      },
    },
    signAsCoordinator: {
      label: { nb: 'Kullkoordinator signerer', en: 'Coordinator signs' },
      makes: 'signature',
      rules: [{ from: ['signedByStudent'], to: 'protocolSigned', roles: ['cohortCoordinator'] }],
      ensures: ['protocol.coordinatorSignature'],
      apply: (c, e, actor) => {
        if (!c.details.protocol) return refuse('There is no protocol to sign');
        return {
          details: {
            ...c.details,
            protocol: { ...c.details.protocol, coordinatorSignature: { signedAt: e.at, signerName: actor.name, method: 'certificate' } },
          },
          deadlines: [deadline('sendProtocol', dueIn(e.at, 3), 'Sende protokoll til avdelingsleder')],
          commands: [],
        };
      },
    },
    sendProtocol: {
      label: { nb: 'Send protokoll til avdelingsleder', en: 'Send the protocol to the head of department' },
      makes: 'document',
      rules: [{ from: ['protocolSigned'], to: 'protocolSent', roles: ['cohortCoordinator'] }],
      ensures: ['protocol.sentAt'],
      apply: (c, e) => {
        if (!c.details.protocol) return refuse('There is no protocol to send');
        return {
          details: { ...c.details, protocol: { ...c.details.protocol, sentAt: e.at } },
          deadlines: [deadline('review', dueIn(e.at, 14), 'Avdelingsleders vurdering')],
          commands: [{ type: 'archive', caseId: c.id, document: 'protocol', folder: 'student' }],
        };
      },
      commandsFromState: (c) => [
        { type: 'notify', caseId: c.id, to: toRole('departmentHead'), copyTo: [student(c)], template: 'followUp.protocolToHead', letter: 'protocol' },
      ],
    },
    callMeeting: {
      label: { nb: 'Kall inn til vedtaksmøte', en: 'Call the decision meeting' },
      rules: [{ from: ['protocolSent'], to: 'meetingCalled', roles: ['departmentHead'] }],
      ensures: ['meeting'],
      assignsActor: true,
      apply: (c, e, actor) => ({
        details: {
          ...c.details,
          meeting: { calledAt: e.at, at: e.meetingAt, location: e.location, participantIds: e.participantIds },
        },
        assignees: withActor(c.assignees, actor),
        deadlines: [deadline('meeting', dateOf(e.meetingAt), 'Møte med rektor og kullkoordinator')],
        commands: [],
      }),
      commandsFromState: (c) => [
        { type: 'notify', caseId: c.id, to: toRole('rector'), copyTo: [toRole('cohortCoordinator')], template: 'followUp.meetingInvitation' },
      ],
    },
    reviewWithRector: {
      label: { nb: 'Gi rektors vurdering', en: 'Give the rector’s review' },
      rules: [{ from: ['meetingCalled'], to: 'reviewedWithRector', roles: ['rector'] }],
      ensures: ['rectorReview'],
      assignsActor: true,
      apply: (c, e, actor) => ({
        details: {
          ...c.details,
          rectorReview: { reviewedAt: e.at, rectorId: actor.userId, recommendsDecision: e.recommendsDecision, comment: e.comment.trim() },
        },
        assignees: withActor(c.assignees, actor),
        commands: [],
      }),
    },
    decide: {
      label: { nb: 'Fatt vedtak', en: 'Make the decision' },
      makes: 'document',
      rules: [{ from: ['reviewedWithRector'], to: 'decided', roles: ['departmentHead', 'rector'] }],
      ensures: ['decision'],
      apply: (c, e, actor) => ({
        details: {
          ...c.details,
          decision: {
            decidedAt: e.at,
            // Taken together: the actor and the rector who reviewed the case in their own step.
            decidedBy: [...new Set([actor.userId, ...(c.details.rectorReview ? [c.details.rectorReview.rectorId] : [])])],
            outcome: e.outcome,
            legalBasis: e.legalBasis,
            facts: e.facts,
            considerations: e.considerations,
            documentId: e.documentId,
          },
        },
        deadlines: [deadline('archive', dueIn(e.at, 3), 'Arkivere vedtaket')],
        commands: [
          { type: 'renderDocument', caseId: c.id, document: 'decision', template: 'followUp.decision' },
          { type: 'requestSignature', caseId: c.id, document: 'decision', signer: toRole('departmentHead'), method: 'seal' },
          { type: 'archive', caseId: c.id, document: 'decision', folder: 'student' },
        ],
      }),
    },
    archiveDecision: {
      label: { nb: 'Registrer arkivering', en: 'Record archiving' },
      rules: [{ from: ['decided'], to: 'decisionArchived', roles: ['departmentHead'] }],
      ensures: ['archive'],
      apply: (c, e) => ({
        details: { ...c.details, archive: { archivedAt: e.at, reference: e.reference } },
        deadlines: [deadline('sendDecision', dueIn(e.at, 2), 'Sende vedtaket til studenten')],
        commands: [],
      }),
    },
    sendDecision: {
      label: { nb: 'Send vedtaket', en: 'Send the decision' },
      makes: 'document',
      rules: [{ from: ['decisionArchived'], to: 'decisionSent', roles: ['departmentHead'] }],
      ensures: ['decisionDelivery'],
      postcondition: (c) => {
        const delivery = c.details.decisionDelivery;
        if (!delivery) return null;
        if (delivery.receivedOn < dateOf(delivery.sentAt)) return refuse('A decision cannot be received before it is sent');
        return delivery.appealDeadline === appealDeadline(delivery.receivedOn)
          ? null
          : refuse(`The appeal deadline for receipt on ${delivery.receivedOn} is ${appealDeadline(delivery.receivedOn)}`);
      },
      apply: (c, e) => {
        const receivedOn = e.receivedOn ?? dateOf(e.at);
        const due = appealDeadline(receivedOn);
        return {
          details: { ...c.details, decisionDelivery: { sentAt: e.at, receivedOn, appealDeadline: due } },
          deadlines: [deadline('appeal', due, 'Klagefrist')],
          commands: [],
        };
      },
      commandsFromState: (c) => [
        { type: 'notify', caseId: c.id, to: student(c), copyTo: [toRole('rector')], template: 'followUp.decision', letter: 'decision' },
      ],
    },
    close: {
      label: { nb: 'Avslutt saken', en: 'Close the case' },
      rules: [{ from: ['decisionSent'], to: 'closed', roles: ['departmentHead'] }],
      ensures: ['closure'],
      postcondition: (c) => {
        const due = c.details.decisionDelivery?.appealDeadline;
        return due && c.details.closure && dateOf(c.details.closure.closedAt) <= due
          ? refuse(`The appeal period runs until ${due}; close the case after that`)
          : null;
      },
      apply: (c, e) => ({
        details: { ...c.details, closure: { closedAt: e.at, outcome: 'decisionSent', reason: '' } },
        commands: [],
      }),
    },
    merge: {
      label: { nb: 'Slå sammen med studentens sak', en: "Join the student's case" },
      rules: [{ from: ['reported'], to: 'merged', roles: ['cohortCoordinator'] }],
      ensures: ['mergedInto'],
      postcondition: (c) => (c.details.mergedInto === c.id ? refuse('A report cannot be joined into itself') : null),
      apply: (c, e) => ({
        details: { ...c.details, mergedInto: e.intoCaseId },
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toUser(c.createdBy), copyTo: [], template: 'followUp.reportMerged' }],
    },
    recordNoShow: {
      label: { nb: 'Studenten møtte ikke', en: 'Student did not attend' },
      rules: [{ from: ['summoned'], to: 'open', roles: ['cohortCoordinator'] }],
      sets: ['summons'],
      apply: (c, e, actor) => ({
        details: withoutSummons(c.details),
        deadlines: [deadline('summons', dueIn(e.at, 3), 'Kalle inn studenten på nytt')],
        commands: [{ type: 'createTask', caseId: c.id, title: 'Kall inn studenten på nytt', assignee: toUser(actor.userId), due: dueIn(e.at, 3) }],
      }),
    },
    closeWithoutDecision: {
      label: { nb: 'Avslutt uten vedtak', en: 'Close without a decision' },
      rules: [
        { from: ['open'], to: 'closed', roles: ['cohortCoordinator'] },
        { from: ['protocolSent', 'meetingCalled', 'reviewedWithRector'], to: 'closed', roles: ['departmentHead'] },
      ],
      ensures: ['closure'],
      apply: (c, e) => ({
        details: {
          ...c.details,
          closure: { closedAt: e.at, outcome: c.status === 'open' ? 'noFollowUpNeeded' : 'noDecision', reason: e.reason },
        },
        commands: [],
      }),
      commandsFromState: (c) =>
        c.status === 'open'
          ? []
          : [{ type: 'notify', caseId: c.id, to: student(c), copyTo: [toRole('cohortCoordinator')], template: 'followUp.closedWithoutDecision' }],
    },
  },
});

export function transition(state: FollowUpCase, event: FollowUpEvent, actor: Actor): TransitionResult<FollowUpCase> {
  return followUpWorkflow.transition(state, event, actor);
}

/** Joins reports into a case's details (a coordinator's edit when merging), skipping ones already there. */
export function joinReports(details: FollowUpDetails, reports: readonly ConcernReport[]): FollowUpDetails {
  const known = new Set(details.reports.map((report) => report.id));
  return { ...details, reports: [...details.reports, ...reports.filter((report) => !known.has(report.id))] };
}
