import { placementStatuses, type PlacementStatus } from '../../../../src-shared/domain/placement/placement.schema';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';

export type BoardStatus = Exclude<PlacementStatus, 'draft' | 'cancelled'>;
/** The board's columns, in process order; drafts and cancelled orders are listed apart. */
export const boardStatuses = placementStatuses.filter((status): status is BoardStatus => status !== 'draft' && status !== 'cancelled');

/** One card: an order to a site, what it asks and what the site confirmed. */
export interface OrderCard {
  id: string;
  caseNumber: string;
  activityId: string | undefined;
  course: string;
  siteName: string;
  unit: string;
  classes: readonly string[];
  requested: number;
  confirmed: number | undefined;
}

export interface OrderBoard {
  columns: { status: BoardStatus; cards: OrderCard[] }[];
  drafts: OrderCard[];
  cancelled: OrderCard[];
}

export function orderCard(order: PlacementCase): OrderCard {
  const { activity, site, order: asked, capacity } = order.details;
  return {
    id: order.id,
    caseNumber: order.caseNumber,
    activityId: activity.id,
    course: `${activity.courseCode} ${activity.courseName}`,
    siteName: site.name,
    unit: site.unit,
    classes: activity.classes,
    requested: asked.requestedPlaces,
    confirmed: capacity?.places,
  };
}

/** The orders by status, each column by site and then classes (several orders to one site stay separate cards). */
export function orderBoard(orders: readonly PlacementCase[]): OrderBoard {
  const cards = (status: PlacementStatus) =>
    orders
      .filter((order) => order.status === status)
      .map(orderCard)
      .sort(
        (a, b) => a.siteName.localeCompare(b.siteName, 'nb') || a.classes.join().localeCompare(b.classes.join()) || a.caseNumber.localeCompare(b.caseNumber),
      );
  return {
    columns: boardStatuses.map((status) => ({ status, cards: cards(status) })),
    drafts: cards('draft'),
    cancelled: cards('cancelled'),
  };
}
