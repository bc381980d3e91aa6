import type { PlacementActivity } from '../../../../src-shared/domain/placement/activity.schema';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';

/** One class's row of the capacity vs demand chart. */
export interface ClassCapacity {
  className: string;
  /** Students of the class to place. */
  demand: number;
  /** Places asked in the orders sent (not drafts, not cancelled). */
  ordered: number;
  /** Places the sites confirmed. */
  confirmed: number;
}

/**
 * Demand vs capacity per class of an activity. An order for several classes shares its places
 * out evenly among them, the first classes taking the remainder, so each place counts once.
 */
export function capacityFigures(activity: PlacementActivity, orders: readonly PlacementCase[]): ClassCapacity[] {
  const rows = new Map(
    activity.classes.map((c) => [
      c.name,
      { className: c.name, demand: activity.students.filter((s) => s.className === c.name).length, ordered: 0, confirmed: 0 },
    ]),
  );
  for (const order of orders) {
    if (order.status === 'draft' || order.status === 'cancelled' || order.details.activity.id !== activity.id) continue;
    const classes = order.details.activity.classes.filter((name) => rows.has(name));
    const ordered = shareOut(order.details.order.requestedPlaces, classes.length);
    const confirmed = shareOut(order.details.capacity?.places ?? 0, classes.length);
    classes.forEach((name, i) => {
      const row = rows.get(name)!;
      row.ordered += ordered[i]!;
      row.confirmed += confirmed[i]!;
    });
  }
  return [...rows.values()];
}

/** `total` shared out in `parts` whole numbers, the first parts taking the remainder. */
export function shareOut(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

/** The largest figure of the chart (at least 1), its scale. */
export const chartMax = (rows: readonly ClassCapacity[]) => Math.max(1, ...rows.flatMap((r) => [r.demand, r.ordered, r.confirmed]));
