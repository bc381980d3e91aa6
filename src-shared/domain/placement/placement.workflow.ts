import { z } from 'zod';
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
  return missing.length > 0 ? refuse(`Class ${missing.join(', ')} has no coordinator and supervisors`) : null;
}

function distributionProblem(details: PlacementDetails): Refusal | null {
  const students = details.distribution?.students ?? [];
  if (details.capacity && students.length > details.capacity.places) {
    return refuse(`${students.length} students exceed the ${details.capacity.places} confirmed places`);
  }
  const supervisors = new Map((details.staffing ?? []).map((s) => [s.className, new Set(s.supervisorNames)]));
  const stray = students.find((s) => !supervisors.get(s.className)?.has(s.supervisorName));
  return stray ? refuse(`${stray.supervisorName} is not a supervisor of class ${stray.className} at this site`) : null;
}

const supervisorOf = (details: PlacementDetails) => new Map((details.distribution?.students ?? []).map((s) => [`${s.className}|${s.name}`, s.supervisorName]));

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
  /** A site may change a student's supervisor only as agreed with the institution, and it is logged. */
  checkEdit(before, after) {
    const was = supervisorOf(before.details);
    const logged = after.details.supervisorChanges.length - before.details.supervisorChanges.length;
    let changed = 0;
    for (const [key, supervisor] of supervisorOf(after.details)) if (was.has(key) && was.get(key) !== supervisor) changed++;
    if (changed > logged) return refuse('A change of supervisor must be logged with whom at the institution it was agreed');
    return distributionProblem(after.details);
  },
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
      rules: [{ from: ['capacityConfirmed'], to: 'staffed', roles: ['siteCoordinator'] }],
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
      commandsFromState: (c) => [
        { type: 'callIntegration', caseId: c.id, system: 'alp', operation: 'distribution.share' },
        { type: 'notify', caseId: c.id, to: site(), copyTo: [toRole('siteSupervisor')], template: 'placement.distribution' },
      ],
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

/**
 * A site's change of a student's supervisor, agreed with the institution's placement coordinator
 * (a plain edit; the server checks that every change is logged).
 */
export function changeSupervisor(
  details: PlacementDetails,
  change: { studentName: string; className: string; to: string; agreedWith: string; at: string },
): PlacementDetails | Refusal {
  if (!change.agreedWith.trim()) return refuse('Agree the change with the institution’s placement coordinator first');
  const students = details.distribution?.students ?? [];
  const student = students.find((s) => s.name === change.studentName && s.className === change.className);
  if (!details.distribution || !student) return refuse(`${change.studentName} is not distributed to this site`);
  return {
    ...details,
    distribution: {
      ...details.distribution,
      students: students.map((s) => (s === student ? { ...s, supervisorName: change.to } : s)),
    },
    supervisorChanges: [
      ...details.supervisorChanges,
      { studentName: change.studentName, from: student.supervisorName, to: change.to, agreedWith: change.agreedWith, changedAt: change.at },
    ],
  };
}
