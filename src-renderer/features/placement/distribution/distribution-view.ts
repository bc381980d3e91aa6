import type { ActivityDistribution, PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import type { ActivityInstance, ActivityOrder, DistributionLabels } from '../../../../src-shared/domain/placement/distribution';

/** One order's bar: its confirmed places against the students the distribution puts there. */
export interface OrderBar {
  orderId: string;
  site: string;
  classes: string;
  places: number;
  placed: number;
}

/** What the student table shows per student; undefined fields when the student has no place yet. */
export interface StudentRow {
  personId: string;
  name: string;
  className: string;
  orderId?: string;
  site?: string;
  supervisorId?: string;
  supervisor?: string;
  cost?: number;
  locked: boolean;
  why?: { nb: string; en: string };
}

const siteName = (order: ActivityOrder) => (order.details.site.unit ? `${order.details.site.name}, ${order.details.site.unit}` : order.details.site.name);

/** Per order of the instance (and any other order the distribution names): places and students placed. */
export function orderBars(built: ActivityInstance, distribution: ActivityDistribution | undefined, allOrders: readonly ActivityOrder[]): OrderBar[] {
  const placed = new Map<string, number>();
  for (const { orderId } of distribution?.assignments ?? []) placed.set(orderId, (placed.get(orderId) ?? 0) + 1);
  const shown = [...built.orders, ...allOrders.filter((order) => placed.has(order.id) && !built.orders.includes(order))];
  return shown.map((order) => ({
    orderId: order.id,
    site: siteName(order),
    classes: order.details.activity.classes.join(', '),
    places: order.details.capacity?.places ?? 0,
    placed: placed.get(order.id) ?? 0,
  }));
}

/** The activity's students in their order, with their place in the distribution (site and supervisor by name). */
export function studentRows(activity: PlacementActivity, allOrders: readonly ActivityOrder[]): StudentRow[] {
  const assignments = new Map((activity.distribution?.assignments ?? []).map((assignment) => [assignment.personId, assignment]));
  const orders = new Map(allOrders.map((order) => [order.id, order]));
  return activity.students.map(({ personId, name, className }) => {
    const assignment = assignments.get(personId);
    if (!assignment) return { personId, name, className, locked: false };
    const order = orders.get(assignment.orderId);
    const supervisor = order?.details.staffing?.find((s) => s.className === className)?.supervisors.find((s) => s.userId === assignment.supervisorId);
    return {
      personId,
      name,
      className,
      orderId: assignment.orderId,
      site: order ? siteName(order) : assignment.orderId,
      supervisorId: assignment.supervisorId,
      supervisor: supervisor?.name ?? assignment.supervisorId,
      cost: assignment.cost,
      locked: assignment.locked,
      why: assignment.why,
    };
  });
}

/** How the solver's sentences name students (their name) and solver sites (the order's site). */
export function distributionLabels(activity: PlacementActivity, built: ActivityInstance): DistributionLabels {
  const names = new Map(activity.students.map(({ personId, name }) => [personId, name]));
  return { student: (id) => names.get(id) ?? id, site: (id) => built.slots.get(id)?.siteName ?? id };
}
