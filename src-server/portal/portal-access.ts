import type { Actor } from '../../src-shared/domain/access';
import { portalRoles, type PortalRole } from '../../src-shared/portal/portal.contract';
import type { Identity } from '../auth/identify';
import { HttpError } from '../http/http-error';

type Identify = (authorization: string | undefined) => Promise<Identity>;

/** The portal role of an actor: a partner's nominator, an applicant or a placement site's coordinator (before supervisor). */
export function portalRoleOf(actor: Actor): PortalRole | undefined {
  return portalRoles.find((role) => actor.roles.includes(role));
}

/** The signed-in portal user: 401 without a valid token, 403 for staff, students and other roles. */
export async function portalUser(identify: Identify, authorization: string | undefined): Promise<{ actor: Actor; role: PortalRole }> {
  const { actor } = await identify(authorization);
  const role = portalRoleOf(actor);
  if (!role)
    throw new HttpError(403, 'forbidden', 'forbidden', 'The portal is for partners’ nominators, applicants and placement sites; sign in to Saksflyt instead');
  return { actor, role };
}

const refusals: Record<PortalRole, string> = {
  nominator: 'This is for partners’ nominators',
  applicant: 'This is for applicants',
  siteCoordinator: 'This is for placement sites’ coordinators',
  siteSupervisor: 'This is for placement sites’ supervisors',
};

/** The signed-in portal user in `role` (default nominator): the others get 403, as staff do. */
export async function portalActor(identify: Identify, authorization: string | undefined, role: PortalRole = 'nominator'): Promise<Actor> {
  const user = await portalUser(identify, authorization);
  if (user.role !== role) {
    throw new HttpError(403, 'forbidden', 'forbidden', refusals[role]);
  }
  return user.actor;
}
