import type { Actor } from '../../src-shared/domain/access';
import type { Identity } from '../auth/identify';
import { HttpError } from '../http/http-error';

/** Roles the portal lets in: a partner's nominator (placement sites' coordinators come later). */
const PORTAL_ROLES: readonly Actor['roles'][number][] = ['nominator'];

/** The signed-in portal user: 401 without a valid token, 403 for staff, students and other roles. */
export async function portalActor(identify: (authorization: string | undefined) => Promise<Identity>, authorization: string | undefined): Promise<Actor> {
  const { actor } = await identify(authorization);
  if (!actor.roles.some((role) => PORTAL_ROLES.includes(role))) {
    throw new HttpError(403, 'forbidden', 'forbidden', 'The portal is for partners’ nominators; sign in to Saksflyt instead');
  }
  return actor;
}
