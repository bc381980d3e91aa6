import type { PlacementActivity, ActivityStudent } from '../activity.schema';
import type { PlacementDetails, PlacementStatus } from '../placement.schema';
import { distributionInstanceSchema, type DistributionInstance } from './distribution.schema';
import { travelUnits, type Centre } from './travel-distance';

/** What the builder needs of an order (a placement case). */
export interface ActivityOrder {
  id: string;
  status: PlacementStatus;
  details: PlacementDetails;
}

/** A supervisor as the solver knows them: unique id per solver site, the site user behind it. */
export interface SlotSupervisor {
  id: string;
  userId: string;
  name: string;
  limit: number;
}

/**
 * One solver "site": an order for one class. An order for one class is one slot whose id is the
 * order id; an order for several classes is one slot per class (`${orderId}#${className}`).
 */
export interface OrderSlot {
  id: string;
  orderId: string;
  className: string;
  /** The organisation site id and its name (with the unit) as the texts show it. */
  siteId: string;
  siteName: string;
  capacity: number;
  supervisors: SlotSupervisor[];
}

export interface ActivityInstance {
  instance: DistributionInstance;
  slots: ReadonlyMap<string, OrderSlot>;
  /** The orders the instance distributes to (status `staffed`, of this activity). */
  orders: readonly ActivityOrder[];
  /** Students whose lock names an order that can no longer be distributed to; their lock is left out. */
  staleLocks: readonly string[];
}

/** Only orders whose site has named coordinator and supervisors and not yet received students take part. */
export const DISTRIBUTABLE_STATUS: PlacementStatus = 'staffed';

/**
 * The solver instance of a placement activity (issue 12), from its students, its orders in status
 * `staffed` and the sites' municipality (organisation site id → municipality):
 *
 * - A solver site is an order for one class (`OrderSlot`); its capacity is the order's confirmed
 *   places. The solver has one capacity per site, so an order for several classes is split into one
 *   slot per class, its places shared out in proportion to each class's supervisors' limits
 *   (largest remainder; see `splitPlaces`). Each slot's supervisors are the order's supervisors of
 *   that class, with their limit, as `${slotId}/${userId}` (unique per solver site).
 * - A student–slot pair is allowed when the slot is for the student's class, the student meets
 *   every requirement of the order (matched by text against `requirementsMet`) and, with
 *   `rules.avoidEarlierSites`, the order's site is not one of the student's earlier sites.
 * - Cost = wishWeight × wish rank + travelWeight × travel, travel being the distance in tens of km
 *   between the centres of the student's home municipality and the site's (`centres`, by
 *   municipalityKey), or, without both centres, 1 for another known municipality. The wish rank is the site's position in the student's
 *   wishes (0 for the first wish); a site the student did not wish ranks one step after the last
 *   wish (wishes.length), so a student without wishes costs the same everywhere. An unknown
 *   municipality costs no travel: it cannot be told apart from the home municipality.
 * - Spreading (`rules.spreadWeight`, when above 0): each slot's fair share is its places times the
 *   share of all places the students need (rounded up); every student beyond it costs the weight,
 *   so the students spread over the sites in proportion to their places rather than filling the
 *   cheapest first.
 * - Locked assignments of the activity's distribution become `locked` pairs (on the slot of the
 *   student's class); a lock on an order that is no longer distributable is left out (`staleLocks`).
 */
export function buildActivityInstance(
  activity: PlacementActivity,
  allOrders: readonly ActivityOrder[],
  municipalityOf: ReadonlyMap<string, string>,
  centres: ReadonlyMap<string, Centre> = new Map(),
): ActivityInstance {
  const orders = allOrders.filter((order) => order.details.activity.id === activity.id && order.status === DISTRIBUTABLE_STATUS);
  const slots = new Map(orders.flatMap((order) => slotsOf(order)).map((slot) => [slot.id, slot]));
  const slotList = [...slots.values()];
  const orderById = new Map(orders.map((order) => [order.id, order]));
  const costs = activity.students.flatMap((student) =>
    slotList
      .filter((slot) => allowed(activity, student, slot, orderById.get(slot.orderId)!))
      .map((slot) => ({ student: student.personId, site: slot.id, cost: costOf(activity, student, slot, municipalityOf, centres) })),
  );
  const staleLocks: string[] = [];
  const studentIds = new Set(activity.students.map((student) => student.personId));
  const locked = (activity.distribution?.assignments ?? [])
    .filter((assignment) => assignment.locked && studentIds.has(assignment.personId))
    .flatMap(({ personId, orderId }) => {
      const className = activity.students.find((student) => student.personId === personId)!.className;
      const slot = slotList.find((candidate) => candidate.orderId === orderId && candidate.className === className);
      if (!slot) staleLocks.push(personId);
      return slot ? [{ student: personId, site: slot.id }] : [];
    });
  const instance = distributionInstanceSchema.parse({
    students: activity.students.map((student) => ({ id: student.personId })),
    sites: slotList.map(({ id, capacity }) => ({ id, capacity, ...spreadOf(activity, capacity, slotList) })),
    supervisors: slotList.flatMap((slot) => slot.supervisors.map(({ id, limit }) => ({ id, site: slot.id, limit }))),
    costs,
    locked,
  });
  return { instance, slots, orders, staleLocks };
}

/** The order's solver sites: one per class it is for that the site has staffed. */
export function slotsOf(order: ActivityOrder): OrderSlot[] {
  const { details } = order;
  const classes = details.activity.classes.flatMap((className) => {
    const staffing = details.staffing?.find((entry) => entry.className === className);
    return staffing?.supervisors.length ? [{ className, supervisors: staffing.supervisors }] : [];
  });
  const places = splitPlaces(
    details.capacity?.places ?? 0,
    classes.map(({ supervisors }) => supervisors.reduce((sum, { limit }) => sum + limit, 0)),
  );
  const siteName = details.site.unit ? `${details.site.name}, ${details.site.unit}` : details.site.name;
  return classes.map(({ className, supervisors }, index) => {
    const id = details.activity.classes.length === 1 ? order.id : `${order.id}#${className}`;
    return {
      id,
      orderId: order.id,
      className,
      siteId: details.site.id,
      siteName,
      capacity: places[index]!,
      supervisors: supervisors.map(({ userId, name, limit }) => ({ id: `${id}/${userId}`, userId, name, limit })),
    };
  });
}

/**
 * An order's places shared between its classes: each class gets at most its supervisors' limits;
 * when those exceed the places, in proportion to the limits, the remainder one by one to the
 * largest fractions (the first class first on a tie). With one class: the places.
 */
export function splitPlaces(places: number, limits: readonly number[]): number[] {
  const total = limits.reduce((sum, limit) => sum + limit, 0);
  if (limits.length === 1) return [places];
  if (total <= places) return [...limits];
  const shares = limits.map((limit) => (places * limit) / total);
  const split = shares.map(Math.floor);
  const order = shares.map((share, index) => ({ index, fraction: share - Math.floor(share) })).sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let left = places - split.reduce((sum, n) => sum + n, 0), k = 0; left > 0; left--, k++) split[order[k]!.index]!++;
  return split;
}

function allowed(activity: PlacementActivity, student: ActivityStudent, slot: OrderSlot, order: ActivityOrder): boolean {
  if (slot.className !== student.className) return false;
  const met = new Set(student.requirementsMet.map((text) => text.trim()));
  if (!order.details.activity.requirements.every((requirement) => met.has(requirement.trim()))) return false;
  return !(activity.rules.avoidEarlierSites && student.earlierSites.includes(slot.siteId));
}

/** The wish rank: 0 for the first wish, wishes.length for a site not wished. */
export function wishRank(student: ActivityStudent, siteId: string): number {
  const rank = student.wishes.indexOf(siteId);
  return rank < 0 ? student.wishes.length : rank;
}

function costOf(
  activity: PlacementActivity,
  student: ActivityStudent,
  slot: OrderSlot,
  municipalityOf: ReadonlyMap<string, string>,
  centres: ReadonlyMap<string, Centre>,
): number {
  const travel = travelUnits(student.homeMunicipality, municipalityOf.get(slot.siteId), centres);
  return activity.rules.wishWeight * wishRank(student, slot.siteId) + activity.rules.travelWeight * travel;
}

/** A slot's spreading: beyond its fair share of the students, each costs `rules.spreadWeight` (none when 0). */
function spreadOf(activity: PlacementActivity, capacity: number, slots: readonly { capacity: number }[]) {
  const weight = activity.rules.spreadWeight ?? 0;
  const places = slots.reduce((sum, slot) => sum + slot.capacity, 0);
  if (weight <= 0 || places === 0) return {};
  const share = Math.min(1, activity.students.length / places);
  return { spread: { free: Math.ceil(capacity * share), cost: weight } };
}
