import type { ActivityAssignment, ActivityDistribution, PlacementActivity } from '../activity.schema';
import type { PlacementDetails } from '../placement.schema';
import type { ActivityInstance, OrderSlot } from './activity-instance';
import type { DistributionResult } from './distribution.schema';
import { explanationText } from './explain-text';

/** The activity schema's limit on a `why` text. */
const WHY_MAX = 2000;
const clip = (text: string) => (text.length > WHY_MAX ? `${text.slice(0, WHY_MAX - 1)}…` : text);

/**
 * The activity's distribution from a solver result whose ids are real and whose sentences name
 * students and sites (`compactInstance(…).expand`): per student the order, the supervisor (a site
 * user id), whether it is locked, the cost and why. Infeasible: the sentence of what blocks whom,
 * and the locked assignments kept as they were, so no lock is lost by a run that fails.
 *
 * Supervisors: the solver gives each placed student one of the slot's supervisors; a locked
 * student whose supervisor was chosen by hand at the same order keeps them while that supervisor
 * is within their limit (locked students are seated first, in student order); every other
 * student keeps the solver's choice if it still has room, else gets the slot's first supervisor
 * with room. Places never exceed the supervisors' limits, so everyone gets one.
 */
export function toActivityDistribution(
  built: ActivityInstance,
  result: DistributionResult,
  previous: ActivityDistribution | undefined,
  ranAt: string,
): ActivityDistribution {
  if (result.status === 'infeasible') {
    const assignments = (previous?.assignments ?? []).filter((assignment) => assignment.locked);
    return { ranAt, status: 'infeasible', totalCost: null, blocking: result.blocking, assignments };
  }
  const lockedStudents = new Set(built.instance.locked.map(({ student }) => student));
  const before = new Map((previous?.assignments ?? []).map((assignment) => [assignment.personId, assignment]));
  const why = new Map((result.explanations ?? []).map((explanation) => [explanation.student, explanation]));
  const costOf = new Map(built.instance.costs.map(({ student, site, cost }) => [`${student}\n${site}`, cost]));
  const load = new Map<string, number>();
  const hasRoom = (slot: OrderSlot, userId: string) =>
    (load.get(`${slot.id}/${userId}`) ?? 0) < (slot.supervisors.find((s) => s.userId === userId)?.limit ?? 0);
  const seat = (slot: OrderSlot, userId: string) => {
    load.set(`${slot.id}/${userId}`, (load.get(`${slot.id}/${userId}`) ?? 0) + 1);
    return userId;
  };
  const ordered = [...result.assignments].sort((a, b) => Number(lockedStudents.has(b.student)) - Number(lockedStudents.has(a.student)));
  const assignments = ordered.map(({ student, site, supervisor }): ActivityAssignment => {
    const slot = built.slots.get(site)!;
    const locked = lockedStudents.has(student);
    const byHand = before.get(student);
    const solverChoice = slot.supervisors.find(({ id }) => id === supervisor)!.userId;
    const keepsHandChoice = locked && byHand?.orderId === slot.orderId && hasRoom(slot, byHand.supervisorId);
    const supervisorId = keepsHandChoice
      ? seat(slot, byHand.supervisorId)
      : hasRoom(slot, solverChoice)
        ? seat(slot, solverChoice)
        : seat(slot, slot.supervisors.find(({ userId }) => hasRoom(slot, userId))!.userId);
    const explanation = why.get(student);
    return {
      personId: student,
      orderId: slot.orderId,
      supervisorId,
      locked,
      cost: costOf.get(`${student}\n${site}`)!,
      why: explanation ? { nb: clip(explanation.text.nb), en: clip(explanation.text.en) } : { nb: '', en: '' },
    };
  });
  const order = new Map(result.assignments.map(({ student }, index) => [student, index]));
  assignments.sort((a, b) => order.get(a.personId)! - order.get(b.personId)!);
  return { ranAt, status: 'optimal', totalCost: result.totalCost, blocking: null, assignments };
}

/** Where a student may be placed by hand: the orders (slots) the instance allows them, with their cost. */
export function placesFor(built: ActivityInstance, personId: string): { slot: OrderSlot; cost: number }[] {
  return built.instance.costs.filter(({ student }) => student === personId).map(({ site, cost }) => ({ slot: built.slots.get(site)!, cost }));
}

/**
 * The distribution with one student placed by hand at an order (and supervisor) the instance allows
 * them, locked, its `why` saying so; the total is summed again. Throws for a pair not allowed.
 */
export function lockAssignment(
  built: ActivityInstance,
  distribution: ActivityDistribution,
  personId: string,
  orderId: string,
  supervisorId: string,
): ActivityDistribution {
  const place = placesFor(built, personId).find(({ slot }) => slot.orderId === orderId);
  if (!place) throw new Error(`${personId} cannot be placed at order ${orderId}: the order is not for the student's class, or a rule forbids it`);
  if (!place.slot.supervisors.some(({ userId }) => userId === supervisorId)) throw new Error(`${supervisorId} is not a supervisor of that order's class`);
  const cheapestCost = Math.min(...placesFor(built, personId).map(({ cost }) => cost));
  const text = explanationText({ student: personId, site: place.slot.siteName, cost: place.cost, cheapestCost, reason: { kind: 'locked' } }, false);
  const assignment: ActivityAssignment = { personId, orderId, supervisorId, locked: true, cost: place.cost, why: { nb: clip(text.nb), en: clip(text.en) } };
  const assignments = distribution.assignments.some((a) => a.personId === personId)
    ? distribution.assignments.map((a) => (a.personId === personId ? assignment : a))
    : [...distribution.assignments, assignment];
  const totalCost = distribution.status === 'optimal' ? assignments.reduce((sum, { cost }) => sum + cost, 0) : distribution.totalCost;
  const { publishedAt: _published, ...unpublished } = distribution;
  return { ...unpublished, assignments, totalCost };
}

/** The distribution with the student's lock taken off (the place stays until the next run). */
export function unlockAssignment(distribution: ActivityDistribution, personId: string): ActivityDistribution {
  return { ...distribution, assignments: distribution.assignments.map((a) => (a.personId === personId ? { ...a, locked: false } : a)) };
}

type DistributedStudent = NonNullable<PlacementDetails['distribution']>['students'][number];

/**
 * The `students` of each order's `distributeStudents` step: per order of the activity the
 * students placed there, with class, e-mail and supervisor. Orders that got no student are left
 * out (the step needs at least one).
 */
export function studentsPerOrder(activity: PlacementActivity, distribution: ActivityDistribution): Map<string, DistributedStudent[]> {
  const students = new Map(activity.students.map((student) => [student.personId, student]));
  const perOrder = new Map<string, DistributedStudent[]>();
  for (const { personId, orderId, supervisorId } of distribution.assignments) {
    const student = students.get(personId);
    if (!student) continue;
    const entry = { personId, name: student.name, ...(student.email ? { email: student.email } : {}), className: student.className, supervisorId };
    perOrder.set(orderId, [...(perOrder.get(orderId) ?? []), entry]);
  }
  return perOrder;
}
