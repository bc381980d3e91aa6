import type { Actor } from '../../../../src-shared/domain/access';
import type { Identity } from '../../../auth/identify';
import { HttpError } from '../../../http/http-error';

/** The signed-in case officer: 401 without a valid token, 403 for anyone else (nominators, students, other staff). */
export async function caseOfficerActor(identify: (authorization: string | undefined) => Promise<Identity>, authorization: string | undefined): Promise<Actor> {
  const { actor } = await identify(authorization);
  if (!actor.roles.includes('caseOfficer')) throw new HttpError(403, 'forbidden', 'forbidden', 'Only case officers register nominations for partners');
  return actor;
}
