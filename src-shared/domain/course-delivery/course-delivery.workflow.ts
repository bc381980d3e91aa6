import { z } from 'zod';
import type { Actor } from '../access/roles';
import { idSchema, isoDate } from '../case/case.schema';
import { addDays, dateOf } from '../calendar/iso-date';
import { deadline, dueIn, eventBase, toRole, toUser } from '../workflow/step-helpers';
import { defineWorkflow, refuse, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import { checklistChangeProblem } from './checklist/checklist-rules';
import type { Command } from '../workflow/command.schema';
import { courseResultSchema, resultsProblem } from './participants/course-results';
import { registrationInputSchema } from './participants/participant.schema';
import { decisionsProblem, registrationProblem } from './participants/registration-rules';
import {
  courseDeliveryDetailsSchema,
  courseDeliveryStatuses,
  courseDeliveryTerminalStatuses,
  type CourseDeliveryDetails,
  type CourseDeliveryStatus,
} from './course-delivery.schema';

/**
 * Further-education course delivery (seed 000): before — contract to the teaching resource,
 * signed and archived; landing page with registration; LMS course and video room; the head of
 * department handles the applications; participants enrolled, welcomed and invoiced. During —
 * evaluation at the next-to-last session, findings to the head of department. After — the
 * teaching resource grades within three weeks and sends the pass list; the head of department
 * writes the certificate text; the consultant issues course certificates at once.
 */
export const courseDeliveryEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sendContract'), ...eventBase, documentId: idSchema }),
  z.object({ type: z.literal('signContract'), ...eventBase }),
  z.object({ type: z.literal('archiveContract'), ...eventBase }),
  z.object({ type: z.literal('publish'), ...eventBase, url: z.url(), registrationUrl: z.url() }),
  z.object({
    type: z.literal('prepareLms'),
    ...eventBase,
    /** A course shell made by hand; without it the server's Canvas adapter creates one. */
    canvasCourseId: z.string().min(1).max(40).optional(),
    videoRoomUrl: z.url(),
  }),
  z.object({ type: z.literal('lmsCourseCreated'), ...eventBase, canvasCourseId: z.string().min(1).max(40) }),
  z.object({ type: z.literal('sendEvaluation'), ...eventBase, link: z.url().max(2000) }),
  z.object({ type: z.literal('requestLmsGrades'), ...eventBase }),
  z.object({ type: z.literal('recordLmsResults'), ...eventBase, entries: z.array(courseResultSchema).max(1000) }),
  z.object({ type: z.literal('enrol'), ...eventBase, participants: z.number().int().min(1).max(10_000) }),
  z.object({ type: z.literal('start'), ...eventBase }),
  z.object({
    type: z.literal('evaluate'),
    ...eventBase,
    responseRate: z.number().min(0).max(100),
    findings: z.string().min(1).max(4000),
  }),
  z.object({
    type: z.literal('grade'),
    ...eventBase,
    submissionDeadline: isoDate,
    passed: z.number().int().min(0).max(10_000),
    failed: z.number().int().min(0).max(10_000),
  }),
  z.object({ type: z.literal('issueCertificates'), ...eventBase }),
  z.object({ type: z.literal('close'), ...eventBase }),
  z.object({ type: z.literal('registerParticipant'), ...eventBase, participantId: idSchema, registration: registrationInputSchema }),
  z.object({ type: z.literal('cancel'), ...eventBase, reason: z.string().min(1).max(2000) }),
]);
export type CourseDeliveryEvent = z.infer<typeof courseDeliveryEventSchema>;
export type CourseDeliveryCase = WorkflowCase<CourseDeliveryStatus, CourseDeliveryDetails>;

/** Grading is due three weeks after the submission deadline (seed 000). */
export const GRADING_DAYS = 21;

const teachingResource = (c: CourseDeliveryCase) => toUser(c.details.teachingResource.userId);
const onlyTheTeachingResource = (c: CourseDeliveryCase, actor: Actor) =>
  actor.userId === c.details.teachingResource.userId ? null : refuse('Only the course’s teaching resource may do this');
const call = (c: CourseDeliveryCase, system: 'canvas' | 'web', operation: string): Command => ({ type: 'callIntegration', caseId: c.id, system, operation });

export const courseDeliveryWorkflow = defineWorkflow<CourseDeliveryStatus, CourseDeliveryDetails, CourseDeliveryEvent>({
  type: 'courseDelivery',
  statuses: courseDeliveryStatuses,
  terminal: courseDeliveryTerminalStatuses,
  initial: [
    {
      status: 'planned',
      roles: ['departmentHead'],
      ensures: ['course', 'teachingResource'],
      check: (c) => (c.assignees.includes(c.details.teachingResource.userId) ? null : refuse('The teaching resource must be an assignee of the course case')),
    },
  ],
  detailsSchema: courseDeliveryDetailsSchema,
  commandsFromChange,
  eventSchema: courseDeliveryEventSchema,
  requiresSubject: false,
  /** The checklist: each step recorded only by its owner, in order, with its reason or reference. */
  checkEdit(before, after, actor) {
    const problem =
      checklistChangeProblem(before.details.checklist ?? {}, after.details.checklist ?? {}, actor, after.details.teachingResource.userId) ??
      participantsProblem(before.details, after.details, actor.userId) ??
      resultsProblem(before.details.results, after.details.results, actor.userId, after.details.teachingResource.userId);
    return problem ? refuse(problem) : null;
  },
  events: {
    sendContract: {
      label: { nb: 'Send kontrakt', en: 'Send the contract' },
      makes: 'document',
      rules: [{ from: ['planned'], to: 'contractSent', roles: ['departmentHead'] }],
      ensures: ['contract'],
      apply: (c, e) => ({
        details: { ...c.details, contract: { sentAt: e.at, documentId: e.documentId } },
        deadlines: [deadline('contract', dueIn(e.at, 14), 'Signert kontrakt tilbake')],
        commands: [
          { type: 'renderDocument', caseId: c.id, document: 'contract', template: 'courseDelivery.contract' },
          { type: 'requestSignature', caseId: c.id, document: 'contract', signer: teachingResource(c), method: 'pades' },
        ],
      }),
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toRole('operationsConsultant'), copyTo: [], template: 'courseDelivery.courseAnnounced' }],
    },
    signContract: {
      label: { nb: 'Signer kontrakten', en: 'Sign the contract' },
      makes: 'signature',
      rules: [{ from: ['contractSent'], to: 'contractSigned', roles: ['teacher'] }],
      ensures: ['contract.signedAt'],
      precondition: onlyTheTeachingResource,
      apply: (c, e) => {
        if (!c.details.contract) return refuse('No contract was sent');
        return {
          details: { ...c.details, contract: { ...c.details.contract, signedAt: e.at } },
          deadlines: [deadline('archiveContract', dueIn(e.at, 3), 'Arkivere kontrakten')],
          commands: [],
        };
      },
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toRole('departmentHead'), copyTo: [], template: 'courseDelivery.contractSigned' }],
    },
    archiveContract: {
      label: { nb: 'Last opp kontrakten i arkivet', en: 'Archive the contract' },
      makes: 'document',
      rules: [{ from: ['contractSigned'], to: 'contractArchived', roles: ['departmentHead'] }],
      ensures: ['contract.archivedAt'],
      apply: (c, e) => {
        if (!c.details.contract) return refuse('No contract was sent');
        return {
          details: { ...c.details, contract: { ...c.details.contract, archivedAt: e.at } },
          deadlines: [deadline('publish', dueIn(e.at, 14), 'Publisere landingsside')],
          commands: [{ type: 'archive', caseId: c.id, document: 'contract', folder: 'case' }],
        };
      },
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: teachingResource(c), copyTo: [], template: 'courseDelivery.invoicingInformation' }],
    },
    publish: {
      label: { nb: 'Publiser landingsside', en: 'Publish the landing page' },
      rules: [{ from: ['contractArchived'], to: 'published', roles: ['operationsConsultant'] }],
      ensures: ['landingPage'],
      apply: (c, e) => ({
        details: {
          ...c.details,
          landingPage: { publishedAt: e.at, url: e.url, registrationUrl: e.registrationUrl, sessionPlanPublished: true },
        },
        deadlines: [deadline('lms', addDays(c.details.course.startDate, -14), 'Opprette Canvas-emne og Zoom-rom')],
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'callIntegration', caseId: c.id, system: 'web', operation: 'landingPage.publish' }],
    },
    prepareLms: {
      label: { nb: 'Opprett Canvas-emne og Zoom-rom', en: 'Create LMS course and video room' },
      rules: [{ from: ['published'], to: 'lmsReady', roles: ['operationsConsultant'] }],
      ensures: ['lms'],
      apply: (c, e) => ({
        details: {
          ...c.details,
          lms: { readyAt: e.at, ...(e.canvasCourseId ? { canvasCourseId: e.canvasCourseId } : {}), videoRoomUrl: e.videoRoomUrl, teacherAdded: false },
        },
        deadlines: [deadline('enrolment', addDays(c.details.course.startDate, -7), 'Ta opp deltakere og sende velkomstbrev')],
        commands: [
          {
            type: 'createTask',
            caseId: c.id,
            title: 'Klargjør Canvas-emnet: kursplan, forelesningsmateriell og praktisk informasjon',
            assignee: teachingResource(c),
            due: addDays(c.details.course.startDate, -3),
          },
        ],
      }),
      commandsFromState: (c) => [
        { type: 'callIntegration', caseId: c.id, system: 'canvas', operation: 'course.create' },
        { type: 'callIntegration', caseId: c.id, system: 'zoom', operation: 'room.create' },
        { type: 'notify', caseId: c.id, to: teachingResource(c), copyTo: [], template: 'courseDelivery.lmsTraining' },
      ],
    },
    // The server's Canvas adapter made the course shell and enrolled the teaching resource.
    lmsCourseCreated: {
      label: { nb: 'Canvas-emnet er opprettet', en: 'LMS course created' },
      serverOnly: true,
      rules: (['lmsReady', 'enrolled', 'inProgress'] as const).map((status) => ({ from: [status], to: status, roles: [] })),
      sets: ['lms'],
      apply: (c, e) => {
        if (!c.details.lms) return refuse('The LMS course was not asked for');
        return { details: { ...c.details, lms: { ...c.details.lms, canvasCourseId: e.canvasCourseId, teacherAdded: true } }, commands: [] };
      },
    },
    enrol: {
      label: { nb: 'Ta opp deltakere', en: 'Enrol participants' },
      rules: [{ from: ['lmsReady'], to: 'enrolled', roles: ['operationsConsultant'] }],
      ensures: ['enrolment'],
      precondition: (c) => (c.details.applications ? null : refuse('The head of department has not handled the applications yet')),
      apply: (c, e) => ({
        details: { ...c.details, enrolment: { enrolledAt: e.at, participants: e.participants, welcomeLettersSentAt: e.at, invoicedAt: e.at } },
        deadlines: [deadline('start', c.details.course.startDate, 'Kursstart')],
        commands: [],
      }),
      commandsFromState: (c) => [
        { type: 'callIntegration', caseId: c.id, system: 'canvas', operation: 'users.enrol' },
        { type: 'callIntegration', caseId: c.id, system: 'web', operation: 'participants.welcomeLetter' },
        { type: 'callIntegration', caseId: c.id, system: 'exledger', operation: 'participants.invoice' },
      ],
    },
    start: {
      label: { nb: 'Kurset har startet', en: 'Course started' },
      rules: [{ from: ['enrolled'], to: 'inProgress', roles: ['operationsConsultant'] }],
      ensures: ['startedAt'],
      postcondition: (c) =>
        c.details.startedAt && dateOf(c.details.startedAt) < c.details.course.startDate ? refuse(`The course starts ${c.details.course.startDate}`) : null,
      apply: (c, e) => ({
        details: { ...c.details, startedAt: e.at },
        deadlines: [deadline('evaluation', c.details.course.endDate, 'Kursevaluering (nest siste samling)')],
        commands: [],
      }),
    },
    // At the next-to-last session: the server posts the link in the LMS and e-mails it (commandsFromChange).
    sendEvaluation: {
      label: { nb: 'Send evalueringen', en: 'Send the evaluation' },
      rules: [{ from: ['inProgress'], to: 'inProgress', roles: ['operationsConsultant'] }],
      ensures: ['evaluationInvite'],
      apply: (c, e) => ({ details: { ...c.details, evaluationInvite: { sentAt: e.at, link: e.link } }, commands: [] }),
    },
    evaluate: {
      label: { nb: 'Registrer evaluering', en: 'Record the evaluation' },
      rules: [{ from: ['inProgress'], to: 'evaluated', roles: ['operationsConsultant'] }],
      ensures: ['evaluation'],
      apply: (c, e) => ({
        details: { ...c.details, evaluation: { sentAt: e.at, analysedAt: e.at, responseRate: e.responseRate, findings: e.findings } },
        deadlines: [deadline('grading', addDays(c.details.course.endDate, 14 + GRADING_DAYS), 'Sensur av skriftlig oppgave')],
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toRole('departmentHead'), copyTo: [], template: 'courseDelivery.evaluationFindings' }],
    },
    // The server's Canvas adapter reads the grades and answers with recordLmsResults.
    requestLmsGrades: {
      label: { nb: 'Hent karakterer fra Canvas', en: 'Fetch grades from the LMS' },
      rules: [{ from: ['evaluated'], to: 'evaluated', roles: ['teacher', 'operationsConsultant'] }],
      ensures: ['gradesRequest'],
      precondition: (c, actor) =>
        !c.details.lms?.canvasCourseId
          ? refuse('The course has no LMS course')
          : actor.roles.includes('operationsConsultant')
            ? null
            : onlyTheTeachingResource(c, actor),
      apply: (c, e, actor) => ({ details: { ...c.details, gradesRequest: { requestedAt: e.at, requestedBy: actor.userId } }, commands: [] }),
    },
    recordLmsResults: {
      label: { nb: 'Karakterer hentet fra Canvas', en: 'Grades read from the LMS' },
      serverOnly: true,
      rules: [{ from: ['evaluated'], to: 'evaluated', roles: [] }],
      sets: ['results'],
      apply: (c, e, actor) => ({
        details: { ...c.details, results: { source: 'lms', recordedAt: e.at, recordedBy: actor.userId, entries: e.entries } },
        commands: [],
      }),
    },
    grade: {
      label: { nb: 'Registrer sensur og send beståttliste', en: 'Record grades and send the pass list' },
      rules: [{ from: ['evaluated'], to: 'graded', roles: ['teacher'] }],
      ensures: ['grading'],
      precondition: onlyTheTeachingResource,
      postcondition: (c) => {
        const entries = c.details.results?.entries;
        const passed = entries?.filter((entry) => entry.result === 'passed').length;
        return entries && c.details.grading && (passed !== c.details.grading.passed || entries.length - passed! !== c.details.grading.failed)
          ? refuse(`The results list ${passed} passed and ${entries.length - passed!} failed`)
          : null;
      },
      apply: (c, e) => ({
        details: {
          ...c.details,
          grading: { submissionDeadline: e.submissionDeadline, gradedAt: e.at, passed: e.passed, failed: e.failed },
        },
        deadlines: [deadline('certificates', dueIn(e.at, 7), 'Kursbevis')],
        commands: [],
      }),
      commandsFromState: (c) => [
        { type: 'callIntegration', caseId: c.id, system: 'canvas', operation: 'grades.publish' },
        { type: 'notify', caseId: c.id, to: toRole('departmentHead'), copyTo: [toRole('operationsConsultant')], template: 'courseDelivery.passList' },
      ],
    },
    issueCertificates: {
      label: { nb: 'Send kursbevis', en: 'Issue course certificates' },
      makes: 'document',
      rules: [{ from: ['graded'], to: 'certificatesSent', roles: ['operationsConsultant'] }],
      ensures: ['certificates'],
      precondition: (c) => (c.details.certificateText ? null : refuse('The head of department has not written the certificate text yet')),
      apply: (c, e) => ({
        details: { ...c.details, certificates: { issuedAt: e.at, count: c.details.grading?.passed ?? 0 } },
        commands: [{ type: 'renderDocument', caseId: c.id, document: 'certificate', template: 'courseDelivery.certificate' }],
      }),
      commandsFromState: (c) => [{ type: 'callIntegration', caseId: c.id, system: 'web', operation: 'certificates.send' }],
    },
    // A registration on the course's public page, taken by the server: nobody registers from a laptop.
    registerParticipant: {
      label: { nb: 'Påmelding mottatt', en: 'Registration received' },
      serverOnly: true,
      rules: (['published', 'lmsReady'] as const).map((status) => ({ from: [status], to: status, roles: [] })),
      sets: ['participants'],
      apply: (c, e) => {
        const { registration, participants = [] } = c.details;
        if (!registration) return refuse('The course takes no registrations');
        const refusal = registrationProblem(registration, participants, e.registration, new Date(e.at));
        if (refusal) return refuse(refusal.message);
        const participant = { ...e.registration, id: e.participantId, registeredAt: e.at, status: 'registered' as const };
        return { details: { ...c.details, participants: [...participants, participant] }, commands: [] };
      },
    },
    close: {
      label: { nb: 'Avslutt kurset', en: 'Close the course' },
      rules: [{ from: ['certificatesSent'], to: 'closed', roles: ['departmentHead', 'operationsConsultant'] }],
      ensures: ['closedAt'],
      apply: (c, e) => ({ details: { ...c.details, closedAt: e.at }, commands: [] }),
    },
    cancel: {
      label: { nb: 'Avlys kurset', en: 'Cancel the course' },
      rules: [{ from: ['planned', 'contractSent', 'contractSigned', 'contractArchived', 'published', 'lmsReady'], to: 'cancelled', roles: ['departmentHead'] }],
      ensures: ['cancellation'],
      apply: (c, e) => ({
        details: { ...c.details, cancellation: { cancelledAt: e.at, reason: e.reason } },
        commands: [],
      }),
      commandsFromState: (c) => [
        { type: 'notify', caseId: c.id, to: toRole('operationsConsultant'), copyTo: [teachingResource(c)], template: 'courseDelivery.cancelled' },
      ],
    },
  },
});

/**
 * What the server does about a change, whichever step or edit made it: decisions on registrations
 * are e-mailed, the evaluation's link is posted and e-mailed, and the LMS is asked for the grades.
 */
function commandsFromChange(before: CourseDeliveryCase, after: CourseDeliveryCase): Command[] {
  const was = new Map((before.details.participants ?? []).map((p) => [p.id, p.status]));
  const decided = (after.details.participants ?? []).some((p) => p.status !== 'registered' && p.status !== 'withdrawn' && was.get(p.id) !== p.status);
  const changed = (key: 'evaluationInvite' | 'gradesRequest') =>
    JSON.stringify(before.details[key]) !== JSON.stringify(after.details[key]) && after.details[key];
  return [
    ...(decided ? [call(after, 'web', 'participants.decisions')] : []),
    ...(changed('evaluationInvite') ? [call(after, 'canvas', 'evaluation.post'), call(after, 'web', 'participants.evaluation')] : []),
    ...(changed('gradesRequest') ? [call(after, 'canvas', 'grades.read')] : []),
  ];
}

export function transition(state: CourseDeliveryCase, event: CourseDeliveryEvent, actor: Actor): TransitionResult<CourseDeliveryCase> {
  return courseDeliveryWorkflow.transition(state, event, actor);
}

/** The department head's decisions on the participants (see decisionsProblem); null when unchanged. */
function participantsProblem(before: CourseDeliveryDetails, after: CourseDeliveryDetails, actorId: string): string | null {
  if (JSON.stringify(before.participants) === JSON.stringify(after.participants)) return null;
  if (!after.registration) return 'The course takes no registrations';
  return decisionsProblem(after.registration, before.participants ?? [], after.participants ?? [], actorId);
}
