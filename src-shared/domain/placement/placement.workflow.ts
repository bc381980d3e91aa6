import { z } from 'zod';
import { idSchema } from '../case/case.schema';
import type { Actor } from '../access/roles';
import { addDays, dateOf } from '../calendar/iso-date';
import { deadline, dueIn, eventBase, toRole } from '../workflow/step-helpers';
import { defineWorkflow, refuse, type Refusal, type TransitionResult, type WorkflowCase } from '../workflow/workflow';
import { placementDetailsSchema, placementStatuses, placementTerminalStatuses, type PlacementDetails, type PlacementStatus } from './placement.schema';

/**
 * Practice placement (seed 004), one order to one site: the placement administrator sends the
 * order → the site confirms capacity (the administrator is told at once) or has none → the site
 * adds a coordinator and supervisors per class → the institution distributes students to the site
 * and its supervisors and shares the result → placement runs → completed.
 */
const staffingSchema = placementDetailsSchema.shape.staffing.unwrap();
const distributionSchema = placementDetailsSchema.shape.distribution.unwrap();

export const placementEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sendOrder'), ...eventBase }),
  z.object({ type: z.literal('confirmCapacity'), ...eventBase, places: z.number().int().min(1).max(1000) }),
  z.object({ type: z.literal('declineOrder'), ...eventBase, reason: z.string().max(2000) }),
  z.object({ type: z.literal('assignStaff'), ...eventBase, staffing: staffingSchema }),
  z.object({ type: z.literal('distributeStudents'), ...eventBase, students: distributionSchema.shape.students }),
  z.object({
    type: z.literal('requestSupervisorChange'),
    ...eventBase,
    requestId: idSchema,
    personId: idSchema,
    toId: idSchema,
    reason: z.string().trim().min(1).max(2000),
  }),
  z.object({ type: z.literal('decideSupervisorChange'), ...eventBase, requestId: idSchema, approved: z.boolean(), comment: z.string().max(2000) }),
  z.object({ type: z.literal('start'), ...eventBase }),
  z.object({ type: z.literal('complete'), ...eventBase }),
  z.object({ type: z.literal('cancel'), ...eventBase, reason: z.string().min(1).max(2000) }),
]);
export type PlacementEvent = z.infer<typeof placementEventSchema>;
export type PlacementCase = WorkflowCase<PlacementStatus, PlacementDetails>;

const site = () => toRole('siteCoordinator');

function staffingProblem(details: PlacementDetails): Refusal | null {
  const staffed = new Set((details.staffing ?? []).map((s) => s.className));
  const missing = details.activity.classes.filter((name) => !staffed.has(name));
  if (missing.length > 0) return refuse(`Class ${missing.join(', ')} has no coordinator and supervisors`);
  const stray = (details.staffing ?? []).find((s) => !details.activity.classes.includes(s.className));
  return stray ? refuse(`Class ${stray.className} is not part of this order`) : null;
}

/** The user ids of the supervisors of a class at this site. */
const supervisorsOf = (details: PlacementDetails, className: string) =>
  new Map((details.staffing ?? []).find((s) => s.className === className)?.supervisors.map((s) => [s.userId, s]) ?? []);

function distributionProblem(details: PlacementDetails): Refusal | null {
  const students = details.distribution?.students ?? [];
  if (details.capacity && students.length > details.capacity.places) {
    return refuse(`${students.length} students exceed the ${details.capacity.places} confirmed places`);
  }
  if (new Set(students.map((s) => s.personId)).size < students.length) return refuse('A student is distributed twice');
  const stray = students.find((s) => !supervisorsOf(details, s.className).has(s.supervisorId));
  if (stray) return refuse(`${stray.supervisorId} is not a supervisor of class ${stray.className} at this site`);
  for (const { className, supervisors } of details.staffing ?? []) {
    for (const supervisor of supervisors) {
      const load = students.filter((s) => s.className === className && s.supervisorId === supervisor.userId).length;
      if (load > supervisor.limit) return refuse(`${supervisor.name} supervises at most ${supervisor.limit} students`);
    }
  }
  return null;
}

/** A supervisor change the site may ask for: a distributed student, another supervisor of the class, none pending. */
function changeRequestProblem(details: PlacementDetails, e: { personId: string; toId: string }): Refusal | null {
  const student = details.distribution?.students.find((s) => s.personId === e.personId);
  if (!student) return refuse('The student is not distributed to this site');
  if (!supervisorsOf(details, student.className).has(e.toId)) return refuse(`${e.toId} is not a supervisor of class ${student.className} at this site`);
  if (student.supervisorId === e.toId) return refuse('The student already has that supervisor');
  if (details.supervisorChangeRequests.some((r) => r.personId === e.personId && !decisionOf(details, r.id))) {
    return refuse('A change for this student is already waiting');
  }
  return null;
}

export const decisionOf = (details: PlacementDetails, requestId: string) => details.supervisorChangeDecisions.find((d) => d.requestId === requestId);

const distributedOrRunning = ['studentsDistributed', 'inProgress'] as const;

export const placementWorkflow = defineWorkflow<PlacementStatus, PlacementDetails, PlacementEvent>({
  type: 'placement',
  statuses: placementStatuses,
  terminal: placementTerminalStatuses,
  initial: [
    {
      status: 'draft',
      roles: ['placementAdmin'],
      ensures: ['activity', 'site', 'order'],
      check: (c) => (c.details.site.id === c.cohort ? null : refuse("The site's partner id belongs in the case's cohort field")),
    },
  ],
  detailsSchema: placementDetailsSchema,
  eventSchema: placementEventSchema,
  requiresSubject: false,
  events: {
    sendOrder: {
      label: { nb: 'Send bestilling', en: 'Send the order' },
      rules: [{ from: ['draft'], to: 'ordered', roles: ['placementAdmin'] }],
      ensures: ['order.sentAt'],
      apply: (c, e) => ({
        details: { ...c.details, order: { ...c.details.order, sentAt: e.at } },
        deadlines: [deadline('capacity', dueIn(e.at, 21), 'Svar på bestilling fra praksissted')],
        commands: [],
      }),
      commandsFromState: (c) => [
        { type: 'callIntegration', caseId: c.id, system: 'alp', operation: 'order.send' },
        { type: 'notify', caseId: c.id, to: site(), copyTo: [], template: 'placement.order' },
      ],
    },
    confirmCapacity: {
      label: { nb: 'Bekreft bestilling', en: 'Confirm capacity' },
      rules: [{ from: ['ordered'], to: 'capacityConfirmed', roles: ['siteCoordinator'] }],
      ensures: ['capacity'],
      apply: (c, e, actor) => ({
        details: { ...c.details, capacity: { places: e.places, confirmedAt: e.at, confirmedBy: actor.userId } },
        deadlines: [deadline('staffing', addDays(c.details.activity.from, -14), 'Legge inn koordinator og veiledere')],
        commands: [],
      }),
      // The placement administrator is told by e-mail at once.
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toRole('placementAdmin'), copyTo: [], template: 'placement.capacityConfirmed' }],
    },
    assignStaff: {
      label: { nb: 'Legg inn koordinator og veiledere', en: 'Assign coordinator and supervisors' },
      rules: [
        { from: ['capacityConfirmed'], to: 'staffed', roles: ['siteCoordinator'] },
        { from: ['staffed'], to: 'staffed', roles: ['siteCoordinator'] },
      ],
      ensures: ['staffing'],
      postcondition: (c) => staffingProblem(c.details),
      apply: (c, e) => ({
        details: { ...c.details, staffing: e.staffing },
        deadlines: [deadline('distribution', addDays(c.details.activity.from, -7), 'Fordele studenter')],
        commands: [],
      }),
    },
    distributeStudents: {
      label: { nb: 'Fordel studenter', en: 'Distribute students' },
      rules: [{ from: ['staffed'], to: 'studentsDistributed', roles: ['placementAdmin'] }],
      ensures: ['distribution'],
      postcondition: (c) => distributionProblem(c.details),
      apply: (c, e) => ({
        details: { ...c.details, distribution: { sharedAt: e.at, students: e.students } },
        deadlines: [deadline('start', c.details.activity.from, 'Praksis starter')],
        commands: [],
      }),
      // The site and its supervisors are told, and each student where and with whom.
      commandsFromState: (c, after) => [
        { type: 'callIntegration', caseId: c.id, system: 'alp', operation: 'distribution.share' },
        { type: 'notify', caseId: c.id, to: site(), copyTo: [toRole('siteSupervisor')], template: 'placement.distribution' },
        ...(after.details.distribution?.students ?? []).map((s) => ({
          type: 'notify' as const,
          caseId: c.id,
          to: { kind: 'person' as const, personId: s.personId },
          copyTo: [],
          template: 'placement.studentPlaced',
        })),
      ],
    },
    requestSupervisorChange: {
      label: { nb: 'Be om ny veileder', en: 'Request another supervisor' },
      rules: distributedOrRunning.map((status) => ({ from: [status], to: status, roles: ['siteCoordinator'] })),
      ensures: ['supervisorChangeRequests'],
      apply: (c, e, actor) => {
        const problem = changeRequestProblem(c.details, e);
        if (problem) return problem;
        const student = c.details.distribution!.students.find((s) => s.personId === e.personId)!;
        const request = {
          id: e.requestId,
          personId: e.personId,
          fromId: student.supervisorId,
          toId: e.toId,
          reason: e.reason,
          requestedBy: actor.userId,
          requestedAt: e.at,
        };
        return { details: { ...c.details, supervisorChangeRequests: [...c.details.supervisorChangeRequests, request] }, commands: [] };
      },
    },
    decideSupervisorChange: {
      label: { nb: 'Avgjør veilederbytte', en: 'Decide on the supervisor change' },
      rules: distributedOrRunning.map((status) => ({ from: [status], to: status, roles: ['placementAdmin'] })),
      ensures: ['supervisorChangeDecisions'],
      sets: ['supervisorChangeDecisions', 'distribution'],
      apply: (c, e, actor) => decideChange(c.details, e, actor.userId),
    },
    start: {
      label: { nb: 'Praksis startet', en: 'Placement started' },
      rules: [{ from: ['studentsDistributed'], to: 'inProgress', roles: ['placementAdmin'] }],
      ensures: ['startedAt'],
      postcondition: (c) =>
        c.details.startedAt && dateOf(c.details.startedAt) < c.details.activity.from ? refuse(`The placement period starts ${c.details.activity.from}`) : null,
      apply: (c, e) => ({
        details: { ...c.details, startedAt: e.at },
        deadlines: [deadline('end', c.details.activity.to, 'Praksis slutter')],
        commands: [],
      }),
    },
    complete: {
      label: { nb: 'Praksis gjennomført', en: 'Placement completed' },
      rules: [{ from: ['inProgress'], to: 'completed', roles: ['placementAdmin'] }],
      ensures: ['completedAt'],
      postcondition: (c) =>
        c.details.completedAt && dateOf(c.details.completedAt) < c.details.activity.to ? refuse(`The placement period ends ${c.details.activity.to}`) : null,
      apply: (c, e) => ({ details: { ...c.details, completedAt: e.at }, commands: [] }),
    },
    declineOrder: {
      label: { nb: 'Ingen kapasitet', en: 'No capacity' },
      rules: [{ from: ['ordered'], to: 'declined', roles: ['siteCoordinator'] }],
      ensures: ['declined'],
      apply: (c, e) => ({
        details: { ...c.details, declined: { declinedAt: e.at, reason: e.reason } },
        commands: [],
      }),
      commandsFromState: (c) => [{ type: 'notify', caseId: c.id, to: toRole('placementAdmin'), copyTo: [], template: 'placement.declined' }],
    },
    cancel: {
      label: { nb: 'Kanseller bestilling', en: 'Cancel the order' },
      rules: [{ from: ['draft', 'ordered', 'capacityConfirmed', 'staffed'], to: 'cancelled', roles: ['placementAdmin'] }],
      ensures: ['cancelled'],
      apply: (c, e) => ({
        details: { ...c.details, cancelled: { cancelledAt: e.at, reason: e.reason } },
        commands: [],
      }),
      commandsFromState: (c) => (c.status === 'draft' ? [] : [{ type: 'notify', caseId: c.id, to: site(), copyTo: [], template: 'placement.cancelled' }]),
    },
  },
});

export function transition(state: PlacementCase, event: PlacementEvent, actor: Actor): TransitionResult<PlacementCase> {
  return placementWorkflow.transition(state, event, actor);
}

/** Records the institution's decision on a change request; an approved one gives the student the new supervisor. */
function decideChange(details: PlacementDetails, e: Extract<PlacementEvent, { type: 'decideSupervisorChange' }>, by: string) {
  const request = details.supervisorChangeRequests.find((r) => r.id === e.requestId);
  if (!request) return refuse('No such request');
  if (decisionOf(details, request.id)) return refuse('The request is already decided');
  const decision = { requestId: request.id, approved: e.approved, by, at: e.at, comment: e.comment };
  const distribution =
    e.approved && details.distribution
      ? {
          ...details.distribution,
          students: details.distribution.students.map((s) => (s.personId === request.personId ? { ...s, supervisorId: request.toId } : s)),
        }
      : details.distribution;
  return {
    details: { ...details, distribution, supervisorChangeDecisions: [...details.supervisorChangeDecisions, decision] },
    commands: [],
  };
}
