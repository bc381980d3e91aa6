import { roleCanSee, type Actor } from '../../../src-shared/domain/access';
import { caseSchema } from '../../../src-shared/domain/case/case.schema';
import { placementDetailsSchema, placementStatusSchema } from '../../../src-shared/domain/placement/placement.schema';
import type { PlacementEvent } from '../../../src-shared/domain/placement/placement.workflow';
import type { SiteOrder } from '../../../src-shared/portal/site.contract';
import type { ServerSteps } from '../../cases/server-steps';
import type { Sql } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { takePortalStep } from '../portal-step';
import { siteStudentsOf } from './site-students';

/**
 * A site coordinator's placement orders: the placement cases of their sites (a placement case's
 * `cohort` is its site) that the access policy lets the site see, cut down to what the site needs;
 * confirming capacity or declining is a workflow step taken on the server as the coordinator.
 */
const storedPlacementSchema = caseSchema.omit({ status: true, details: true }).extend({ status: placementStatusSchema, details: placementDetailsSchema });

/** The orders of the user's sites their site role may see (a coordinator's from sent on), newest first (by when sent, else created). */
export async function siteOrders(sql: Sql, actor: Actor, role: 'siteCoordinator' | 'siteSupervisor' = 'siteCoordinator'): Promise<SiteOrder[]> {
  const rows = await sql.query<{ doc: string }>(
    `SELECT doc FROM sync_documents WHERE collection = 'cases' AND NOT deleted AND doc::json->>'type' = 'placement' AND doc::json->>'cohort' = ANY($1)`,
    [actor.scope.partners],
  );
  return rows
    .map((row) => storedPlacementSchema.parse(JSON.parse(row.doc)))
    .filter((c) => roleCanSee(role, actor, c))
    .map((c) => ({ order: orderView(c), at: c.details.order.sentAt ?? c.createdAt }))
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(({ order }) => order);
}

/** One of the coordinator's orders; another site's (or an unknown) order is the same 404. */
export async function siteOrder(sql: Sql, actor: Actor, id: string): Promise<SiteOrder> {
  const found = (await siteOrders(sql, actor)).find((order) => order.id === id);
  if (!found) throw new HttpError(404, 'not-found', 'not-found', 'No such order');
  return found;
}

/** Confirms the places the site offers (confirmCapacity) or declines for want of capacity (declineOrder). */
export async function answerOrder(
  deps: { db: Sql; steps: ServerSteps },
  input: { actor: Actor; id: string; now: Date; answer: { places: number } | { reason: string } },
): Promise<SiteOrder> {
  await siteOrder(deps.db, input.actor, input.id);
  const at = input.now.toISOString();
  const event: PlacementEvent =
    'places' in input.answer ? { type: 'confirmCapacity', at, places: input.answer.places } : { type: 'declineOrder', at, reason: input.answer.reason };
  await takePortalStep<PlacementEvent>(deps.steps, input.id, event, input.actor);
  return siteOrder(deps.db, input.actor, input.id);
}

function orderView(c: ReturnType<typeof storedPlacementSchema.parse>): SiteOrder {
  const { activity, site, order, capacity, declined, staffing } = c.details;
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    status: c.status,
    activity,
    site,
    requestedPlaces: order.requestedPlaces,
    sentAt: order.sentAt,
    confirmedPlaces: capacity?.places,
    declineReason: declined?.reason,
    staffing,
    students: siteStudentsOf(c.details),
  };
}
