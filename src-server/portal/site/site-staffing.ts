import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../src-shared/domain/access';
import type { PlacementEvent } from '../../../src-shared/domain/placement/placement.workflow';
import type { SiteChangeRequestInput, SiteOrder, SiteStaffing, SiteUser } from '../../../src-shared/portal/site.contract';
import { listUsers } from '../../auth/accounts';
import type { ServerSteps } from '../../cases/server-steps';
import type { Sql } from '../../db/database';
import { HttpError } from '../../http/http-error';
import { takePortalStep } from '../portal-step';
import { siteOrder } from './site-orders';

/**
 * What a site coordinator changes on an order after confirming it: the coordinator and supervisors
 * per class, picked on the server from the accounts of that site only, and requests for another
 * supervisor of a student (the institution decides; the site never changes a supervisor itself).
 */
const siteRoles = ['siteCoordinator', 'siteSupervisor'] as const;

/** The active accounts with a site role for any of the coordinator's sites (one person may have both roles). */
export async function siteUsers(sql: Sql, actor: Actor): Promise<SiteUser[]> {
  return (await listUsers(sql)).flatMap((user) => {
    const roles = siteRoles.filter((role) => user.roles.includes(role));
    const sites = user.scope.partners.filter((site) => actor.scope.partners.includes(site));
    if (user.disabled || roles.length === 0 || sites.length === 0) return [];
    return [{ userId: user.id, name: user.name, email: user.email || undefined, roles, sites }];
  });
}

/** Sets the order's staffing (assignStaff); a user who is not a user of the order's site is a 400. */
export async function staffOrder(
  deps: { db: Sql; steps: ServerSteps },
  input: { actor: Actor; id: string; now: Date; staffing: SiteStaffing['staffing'] },
): Promise<SiteOrder> {
  const order = await siteOrder(deps.db, input.actor, input.id);
  const users = new Map((await siteUsers(deps.db, input.actor)).filter((u) => u.sites.includes(order.site.id)).map((u) => [u.userId, u]));
  const person = (userId: string, role?: SiteUser['roles'][number]) => {
    const user = users.get(userId);
    if (!user || (role && !user.roles.includes(role))) {
      throw HttpError.badRequest(`${userId} is not a ${role === 'siteCoordinator' ? 'coordinator' : 'user'} of ${order.site.name}`);
    }
    return { userId: user.userId, name: user.name, ...(user.email ? { email: user.email } : {}) };
  };
  const staffing = input.staffing.map((entry) => {
    if (new Set(entry.supervisors.map((s) => s.userId)).size < entry.supervisors.length) {
      throw HttpError.badRequest(`A supervisor is picked twice for class ${entry.className}`);
    }
    return {
      className: entry.className,
      coordinator: person(entry.coordinatorId, 'siteCoordinator'),
      supervisors: entry.supervisors.map((s) => ({ ...person(s.userId), limit: s.limit })),
    };
  });
  if (new Set(staffing.map((s) => s.className)).size < staffing.length) throw HttpError.badRequest('A class is staffed twice');
  const event: PlacementEvent = { type: 'assignStaff', at: input.now.toISOString(), staffing };
  await takePortalStep<PlacementEvent>(deps.steps, input.id, event, input.actor);
  return siteOrder(deps.db, input.actor, input.id);
}

/** Asks the institution for another supervisor of a distributed student's class (requestSupervisorChange). */
export async function requestSupervisorChange(
  deps: { db: Sql; steps: ServerSteps },
  input: { actor: Actor; id: string; now: Date; request: SiteChangeRequestInput },
): Promise<SiteOrder> {
  const order = await siteOrder(deps.db, input.actor, input.id);
  if (!order.students.some((s) => s.personId === input.request.personId)) throw new HttpError(404, 'not-found', 'not-found', 'No such student');
  const event: PlacementEvent = { type: 'requestSupervisorChange', at: input.now.toISOString(), requestId: randomUUID(), ...input.request };
  await takePortalStep<PlacementEvent>(deps.steps, input.id, event, input.actor);
  return siteOrder(deps.db, input.actor, input.id);
}
